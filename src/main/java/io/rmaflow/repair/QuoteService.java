package io.rmaflow.repair;

import io.rmaflow.process.StepKey;
import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.TimelineEvent;
import io.rmaflow.support.Price;
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

  /** Parts plus labour, net of tax, with the centre's tax shown apart (001 3). */
  public Price prepare(String rmaNumber, BigDecimal partsCost, BigDecimal labourCost) {
    Price quote = Price.ofNet(orZero(partsCost).add(orZero(labourCost)), terms.taxRate(), terms.currency());
    caseFile.recordQuote(rmaNumber, quote);
    return quote;
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  /** Sends the quote; payment is due one month from this notice (003 2.6). */
  @Transactional
  public OffsetDateTime send(String rmaNumber, StepKey stepKey) {
    ZonedDateTime now = clock.now();
    OffsetDateTime dueBy = now.plus(terms.paymentWithin()).toOffsetDateTime();
    caseFile.recordQuoteSent(rmaNumber, now.toOffsetDateTime(), dueBy);
    notifications.notify(rmaNumber, NoticeType.QUOTE, stepKey);
    return dueBy;
  }

  /** The customer accepts the quote; the repair starts once the payment arrives. */
  public void accept(String rmaNumber) {
    if (!messages.isAwaiting(rmaNumber, Messages.PAYMENT_RECEIVED)) {
      throw new CaseNotAwaitingException(rmaNumber, Messages.QUOTE_DECLINED, "RMA " + rmaNumber + " has no open quote.");
    }
    caseFile.record(rmaNumber, TimelineEvent.QUOTE_ACCEPTED, null);
  }

  /** The customer declines the quote (message {@code QuoteDeclined}): the device goes back unrepaired. */
  public void decline(String rmaNumber) {
    transactions.retryingOnConflict(() -> {
      messages.correlate(rmaNumber, Messages.QUOTE_DECLINED, Map.of());
      caseFile.record(rmaNumber, TimelineEvent.QUOTE_DECLINED, null);
    });
  }
}
