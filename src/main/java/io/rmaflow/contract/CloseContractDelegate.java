package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.CONTRACT_RESOLUTION;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closing end events: the contract ends in the event's status, and the customer is told. */
@Component
class CloseContractDelegate implements JavaDelegate {

  private final ContractTermService terms;

  CloseContractDelegate(ContractTermService terms) {
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    terms.close(execution.getProcessBusinessKey(), CONTRACT_RESOLUTION.get(execution), StepKey.of(execution));
  }
}
