package io.rmaflow.warranty;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RecordWarrantyDecisionDelegate implements JavaDelegate {

  private final WarrantyService warranty;

  public RecordWarrantyDecisionDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warranty.recordDecision(execution.getProcessBusinessKey(), new WarrantyService.WarrantyDecision(
        COVERAGE.get(execution), WARRANTY_REASON.get(execution),
        // A contract or the rework warranty covers what the product's warranty does not.
        COVERAGE_BASIS.get(execution) != null ? COVERAGE_BASIS.get(execution) : WARRANTY_BASIS.get(execution),
        new WarrantyPeriod(WARRANTY_START.get(execution), WARRANTY_END.get(execution), IN_WARRANTY.get(execution))));
  }
}
