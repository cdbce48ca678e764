package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Notice tasks of a contract: the notice named by the task's {@code notice} input, about the period or payment at hand. */
@Component
class SendContractNoticeDelegate implements JavaDelegate {

  private final ContractTermService terms;

  SendContractNoticeDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    terms.notify(StepKey.of(execution), execution.getProcessBusinessKey(), ContractNoticeType.valueOf(NOTICE.get(execution)),
        PERIOD_TO.get(execution), PAYMENT_REFERENCE.get(execution));
  }
}
