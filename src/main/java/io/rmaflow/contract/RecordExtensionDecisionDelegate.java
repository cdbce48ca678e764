package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordExtensionDecisionDelegate implements JavaDelegate {

  private final ContractTermService terms;

  RecordExtensionDecisionDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TERM_ENDS_AT.set(execution, terms.decideExtension(execution.getProcessBusinessKey(),
        EXTENSION_APPROVED.getOrDefault(execution, false), EXTENSION_UNTIL.get(execution), StepKey.of(execution)));
  }
}
