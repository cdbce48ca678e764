package io.rmaflow.repair;

import static io.rmaflow.process.RmaProcess.Variables.PAYMENT_DUE_BY;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SendQuoteDelegate implements JavaDelegate {

  private final QuoteService quotes;

  public SendQuoteDelegate(QuoteService quotes) {
    this.quotes = quotes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PAYMENT_DUE_BY.set(execution, quotes.send(execution.getProcessBusinessKey(), StepKey.of(execution)));
  }
}
