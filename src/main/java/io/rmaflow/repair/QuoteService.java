package io.rmaflow.repair;

import io.rmaflow.notification.NoticeKey;
import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import io.rmaflow.support.Transactions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quotes of paid repairs (contract step 7; service agreement 2.2, 2.6). */
@Service
public class QuoteService {

  private final Transactions transactions;
  private final CaseFile caseFile;
  private final CaseMessages messages;
  private final NotificationService notifications;
  private final RmaClock clock;
  private final RmaProperties.Quote terms;

  public QuoteService(CaseFile caseFile, CaseMessages messages, NotificationService notifications, RmaClock clock,
      RmaProperties properties, Transactions transactions) {
    this.transactions = transactions;
    this.caseFile = caseFile;
    this.messages = messages;
    this.notifications = notifications;
    this.clock = clock;
    this.terms = properties.quote();
  }

  public Quote prepare(String rmaNumber, BigDecimal partsCost, BigDecimal labourCost) {
    Quote quote = Quote.of(partsCost, labourCost, terms.taxRate(), terms.currency());
    caseFile.update(rmaNumber, Map.of(
        "quote_net", quote.net(), "quote_tax", quote.tax(), "quote_gross", quote.gross(),
        "quote_currency", quote.currency()));
    caseFile.record(rmaNumber, "QUOTE_PREPARED", quote.gross().toPlainString() + " " + quote.currency()
        + " (net " + quote.net().toPlainString() + ", tax " + quote.tax().toPlainString() + ")");
    return quote;
  }

  /** Sends the quote; payment is due one month from this notice (003 2.6). */
  @Transactional
  public OffsetDateTime send(String rmaNumber, NoticeKey noticeKey) {
    ZonedDateTime now = clock.now();
    OffsetDateTime dueBy = now.plus(terms.paymentWithin()).toOffsetDateTime();
    caseFile.update(rmaNumber, Map.of("quote_notified_at", now.toOffsetDateTime(), "payment_due_by", dueBy));
    notifications.notify(rmaNumber, NoticeType.QUOTE, noticeKey);
    return dueBy;
  }

  /** The customer accepts the quote; the repair starts once the payment arrives. */
  public void accept(String rmaNumber) {
    if (!messages.isAwaiting(rmaNumber, Messages.PAYMENT_RECEIVED)) {
      throw new CaseNotAwaitingException(rmaNumber, Messages.QUOTE_DECLINED, "RMA " + rmaNumber + " has no open quote.");
    }
    caseFile.record(rmaNumber, "QUOTE_ACCEPTED", null);
  }

  /** The customer declines the quote (message {@code QuoteDeclined}): the device goes back unrepaired. */
  public void decline(String rmaNumber) {
    transactions.retryingOnConflict(() -> {
      messages.correlate(rmaNumber, Messages.QUOTE_DECLINED, Map.of());
      caseFile.record(rmaNumber, "QUOTE_DECLINED", null);
    });
  }
}
