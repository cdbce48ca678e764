package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.TERM_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class EndTermDelegate implements JavaDelegate {

  private final ContractTermService terms;

  EndTermDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractTermService.TermEnd end = terms.endTerm(execution.getProcessBusinessKey());
    TERM_OUTCOME.set(execution, end.outcome());
    if (end.nextTerm() != null) {
      TermVariables.set(execution, end.nextTerm());
    }
  }
}
