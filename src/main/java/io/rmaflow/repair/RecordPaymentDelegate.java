package io.rmaflow.repair;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RecordPaymentDelegate implements JavaDelegate {

  private final PaymentService payments;

  public RecordPaymentDelegate(PaymentService payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    payments.record(execution.getProcessBusinessKey(), PAYMENT_REFERENCE.get(execution),
        PAYMENT_AMOUNT.get(execution), PAYMENT_CURRENCY.get(execution));
  }
}
