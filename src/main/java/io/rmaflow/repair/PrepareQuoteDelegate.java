package io.rmaflow.repair;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.support.Price;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class PrepareQuoteDelegate implements JavaDelegate {

  private final QuoteService quotes;

  public PrepareQuoteDelegate(QuoteService quotes) {
    this.quotes = quotes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Price quote = quotes.prepare(execution.getProcessBusinessKey(), PARTS_COST.get(execution), LABOUR_COST.get(execution));
    QUOTE_NET.set(execution, quote.net());
    QUOTE_TAX.set(execution, quote.tax());
    QUOTE_GROSS.set(execution, quote.gross());
    QUOTE_CURRENCY.set(execution, quote.currency());
  }
}
