package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RefuseContractPaymentDelegate implements JavaDelegate {

  private final ContractPaymentService payments;

  RefuseContractPaymentDelegate(ContractPaymentService payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractPaymentService.Refusal refusal = payments.refuse(execution.getProcessBusinessKey(),
        PAYMENT_REFERENCE.get(execution), AUDIT_NOTE.get(execution), StepKey.of(execution));
    PAID_THROUGH.set(execution, refusal.paidThrough());
    CONTRACT_STATUS.set(execution, refusal.status());
  }
}
