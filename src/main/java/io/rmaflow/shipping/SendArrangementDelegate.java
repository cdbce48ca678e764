package io.rmaflow.shipping;

import static io.rmaflow.process.RmaProcess.Variables.AUTO_CLOSE_AT;
import static io.rmaflow.process.RmaProcess.Variables.SHIP_BY;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SendArrangementDelegate implements JavaDelegate {

  private final ShipInService shipIn;

  public SendArrangementDelegate(ShipInService shipIn) {
    this.shipIn = shipIn;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ShipInService.ShipInDeadlines deadlines = shipIn.sendArrangement(execution.getProcessBusinessKey(), StepKey.of(execution));
    SHIP_BY.set(execution, deadlines.shipBy());
    AUTO_CLOSE_AT.set(execution, deadlines.autoCloseAt());
  }
}
