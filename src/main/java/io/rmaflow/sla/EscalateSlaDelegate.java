package io.rmaflow.sla;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SLA timers: escalate the service level named by the step's {@code sla} input. */
@Component
public class EscalateSlaDelegate implements JavaDelegate {

  private final SlaService slas;

  public EscalateSlaDelegate(SlaService slas) {
    this.slas = slas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceLevel level = ServiceLevel.valueOf(SLA.get(execution));
    boolean breached = slas.escalate(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), level);
    // Local to the step; its output mapping hands them to this escalation's path.
    execution.setVariableLocal(SLA_BREACHED.name(), breached);
    execution.setVariableLocal(SLA_BREACH.name(), level.promise() + " (" + level + ")");
  }
}
