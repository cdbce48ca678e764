package io.rmaflow.sla;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.rmacase.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SLA timers: escalate the service level named by the step's {@code sla} input. */
@Component
public class EscalateSlaDelegate implements JavaDelegate {

  private final SlaService slas;

  private final SlaPlan plan;
  private final CaseFile caseFile;

  EscalateSlaDelegate(SlaService slas, SlaPlan plan, CaseFile caseFile) {
    this.slas = slas;
    this.plan = plan;
    this.caseFile = caseFile;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceLevel level = ServiceLevel.valueOf(SLA.get(execution));
    String promise = plan.promise(level, PRIORITY.get(execution),
        caseFile.get(execution.getProcessBusinessKey()).entitlement());
    boolean breached = slas.escalate(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), level, promise);
    // Local to the step; its output mapping hands them to this escalation's path.
    execution.setVariableLocal(SLA_BREACHED.name(), breached);
    execution.setVariableLocal(SLA_BREACH.name(), promise + " (" + level + ")");
  }
}
