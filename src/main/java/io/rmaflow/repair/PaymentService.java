package io.rmaflow.repair;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.Transactions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import io.rmaflow.support.PaymentMismatchException;
import io.rmaflow.support.PaymentReferenceReusedException;

/**
 * Payments of paid repairs (message {@code PaymentReceived}, service agreement 2.2). A
 * payment counts once per gateway reference, must be the quote's gross amount in its
 * currency, and is taken only while the quote is open: a payment racing another payment or
 * the one-month deadline loses cleanly and is told why.
 */
@Service
public class PaymentService {

  private final CaseFile caseFile;
  private final CaseMessages messages;
  private final RmaClock clock;
  private final JdbcClient jdbc;
  private final Transactions transactions;

  public PaymentService(CaseFile caseFile, CaseMessages messages, RmaClock clock, JdbcClient jdbc, Transactions transactions) {
    this.caseFile = caseFile;
    this.messages = messages;
    this.clock = clock;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** @return true when this call took the payment, false when the reference was taken before */
  public boolean receive(String rmaNumber, String reference, BigDecimal amount, String currency) {
    return transactions.retryingOnConflict(() -> take(rmaNumber, reference, amount, currency));
  }

  private boolean take(String rmaNumber, String reference, BigDecimal amount, String currency) {
    Optional<Taken> earlier = taken(reference);
    if (earlier.isPresent()) {
      if (!earlier.get().rmaNumber().equals(rmaNumber)) {
        throw new PaymentMismatchException("reference", "The payment reference " + reference + " belongs to another RMA.");
      }
      PaymentReferenceReusedException.check(reference, earlier.get().amount(), earlier.get().currency(), amount, currency);
      return false;
    }
    RmaCase rmaCase = caseFile.get(rmaNumber);
    if (!messages.isAwaiting(rmaNumber, Messages.PAYMENT_RECEIVED)) {
      Optional<Taken> meanwhile = taken(reference).filter(payment -> payment.rmaNumber().equals(rmaNumber));
      if (meanwhile.isPresent()) {
        // This very payment, sent twice at once, was taken by the other call since the first look.
        PaymentReferenceReusedException.check(reference, meanwhile.get().amount(), meanwhile.get().currency(), amount,
            currency);
        return false;
      }
      throw new CaseNotAwaitingException(rmaNumber, Messages.PAYMENT_RECEIVED, whyNoOpenQuote(rmaCase));
    }
    RmaCase.Quote quote = rmaCase.quote();
    if (!quote.currency().equals(currency)) {
      throw new PaymentMismatchException("currency", "The quote is in " + quote.currency() + ", the payment in " + currency + ".");
    }
    if (quote.gross().compareTo(amount) != 0) {
      throw new PaymentMismatchException("amount",
          "The quote is " + quote.gross().toPlainString() + " " + quote.currency() + ", the payment " + amount.toPlainString() + ".");
    }
    jdbc.sql("INSERT INTO payment (reference, rma_number, amount, currency, received_at) VALUES (?, ?, ?, ?, ?)")
        .params(reference, rmaNumber, amount, currency, clock.nowOffset())
        .update();
    Map<String, Object> variables = new HashMap<>();
    PAYMENT_REFERENCE.putInto(variables, reference);
    PAYMENT_AMOUNT.putInto(variables, amount);
    PAYMENT_CURRENCY.putInto(variables, currency);
    messages.correlate(rmaNumber, Messages.PAYMENT_RECEIVED, variables);
    return true;
  }

  private Optional<Taken> taken(String reference) {
    return jdbc.sql("SELECT rma_number, amount, currency FROM payment WHERE reference = ?").param(reference)
        .query((row, n) -> new Taken(row.getString("rma_number"), row.getBigDecimal("amount"), row.getString("currency")))
        .optional();
  }

  /** A payment taken before under a reference. */
  private record Taken(String rmaNumber, BigDecimal amount, String currency) {}

  private static String whyNoOpenQuote(RmaCase rmaCase) {
    if (rmaCase.payment().paidAt() != null) {
      return "RMA " + rmaCase.rmaNumber() + " is already paid (reference " + rmaCase.payment().reference()
          + "); this payment was not taken and should be returned to the customer.";
    }
    if (rmaCase.quote().gross() != null && (rmaCase.status() == CaseStatus.AWAITING_RETURN_SHIPMENT
        || rmaCase.status() == CaseStatus.CLOSED)) {
      return "RMA " + rmaCase.rmaNumber() + " no longer has an open quote: the quote was declined or its payment deadline "
          + "passed, and the device is returned unrepaired. This payment was not taken and should be returned to the customer.";
    }
    return "RMA " + rmaCase.rmaNumber() + " has no open quote to pay.";
  }

  public void record(String rmaNumber, String reference, BigDecimal amount, String currency) {
    caseFile.recordPayment(rmaNumber, new RmaCase.Payment(reference, amount, currency, clock.nowOffset()));
  }
}
