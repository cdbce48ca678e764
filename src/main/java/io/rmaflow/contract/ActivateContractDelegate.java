package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ActivateContractDelegate implements JavaDelegate {

  private final ContractTermService terms;

  ActivateContractDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractTermService.TermMoments moments = terms.activate(execution.getProcessBusinessKey(), StepKey.of(execution));
    CONTRACT_STATUS.set(execution, ContractStatus.ACTIVE);
    TermVariables.set(execution, moments);
  }
}
