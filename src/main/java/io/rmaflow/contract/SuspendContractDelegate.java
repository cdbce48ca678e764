package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.CONTRACT_STATUS;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class SuspendContractDelegate implements JavaDelegate {

  private final ContractTermService terms;

  SuspendContractDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CONTRACT_STATUS.set(execution, terms.suspend(execution.getProcessBusinessKey(), StepKey.of(execution)));
  }
}
