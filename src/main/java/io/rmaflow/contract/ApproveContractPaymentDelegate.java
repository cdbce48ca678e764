package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ApproveContractPaymentDelegate implements JavaDelegate {

  private final ContractPaymentService payments;

  ApproveContractPaymentDelegate(ContractPaymentService payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractPaymentService.Approval approval = payments.approve(execution.getProcessBusinessKey(),
        PAYMENT_REFERENCE.get(execution), AUDIT_NOTE.get(execution), StepKey.of(execution));
    RENEWAL.set(execution, approval.renewal());
    // Last: the contract's conditional events wait on it.
    CONTRACT_STATUS.set(execution, approval.status());
  }
}
