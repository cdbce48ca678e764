package io.rmaflow.repair;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payments of paid repairs (message {@code PaymentReceived}). */
@Service
public class PaymentService {

  private final CaseFile caseFile;
  private final CaseMessages messages;
  private final RmaClock clock;

  public PaymentService(CaseFile caseFile, CaseMessages messages, RmaClock clock) {
    this.caseFile = caseFile;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional
  public void receive(String rmaNumber, String reference, BigDecimal amount, String currency) {
    Map<String, Object> variables = new HashMap<>();
    PAYMENT_REFERENCE.putInto(variables, reference);
    PAYMENT_AMOUNT.putInto(variables, amount);
    PAYMENT_CURRENCY.putInto(variables, currency);
    messages.correlate(rmaNumber, Messages.PAYMENT_RECEIVED, variables);
  }

  public void record(String rmaNumber, String reference, BigDecimal amount, String currency) {
    caseFile.update(rmaNumber, Map.of(
        "payment_reference", reference, "paid_amount", amount, "paid_currency", currency,
        "paid_at", clock.nowOffset()));
    caseFile.record(rmaNumber, "PAYMENT_RECEIVED", amount.toPlainString() + " " + currency + ", reference " + reference);
  }
}
