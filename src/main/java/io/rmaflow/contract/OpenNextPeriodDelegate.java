package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class OpenNextPeriodDelegate implements JavaDelegate {

  private final ContractTermService terms;

  OpenNextPeriodDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractBilling.NextPeriod next = terms.openNextPeriod(execution.getProcessBusinessKey(), PERIOD_TO.get(execution));
    PERIOD_STAGE.set(execution, next.stage());
    PERIOD_TO.set(execution, next.to());
    PERIOD_NOTICE_AT.set(execution, next.noticeAt());
    PERIOD_OVERDUE_AT.set(execution, next.overdueAt());
    PERIOD_SUSPEND_AT.set(execution, next.lapsesAt());
  }
}
