package io.rmaflow.notification;

import io.rmaflow.access.CustomerLinks;
import io.rmaflow.process.StepKey;
import io.rmaflow.rmacase.CaseClosed;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.TimelineEvent;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a customer notice once per step. Delivery failures propagate, so the engine retries
 * the step with back-off and raises an incident when retries run out; the case or contract
 * waits there and nothing of it is rolled back.
 */
@Service
public class NotificationService {

  private final CaseFile caseFile;
  private final RmaNotices rmaNotices;
  private final CustomerNotifier notifier;
  private final SentNotices sentNotices;
  private final CustomerLinks links;

  NotificationService(CaseFile caseFile, RmaNotices rmaNotices, CustomerNotifier notifier, SentNotices sentNotices,
      CustomerLinks links) {
    this.links = links;
    this.caseFile = caseFile;
    this.rmaNotices = rmaNotices;
    this.notifier = notifier;
    this.sentNotices = sentNotices;
  }

  /** The closing notice, with its invitation to give feedback (post-sale policy 3.4). */
  @EventListener
  void onCaseClosed(CaseClosed closed) {
    notify(closed.rmaNumber(), NoticeType.closingNoticeFor(closed.resolution()), closed.step());
  }

  /** A repair case's notice, listed in the case's timeline. */
  public void notify(String rmaNumber, NoticeType type, StepKey key) {
    notify(rmaNumber, type, key, Map.of());
  }

  /**
   * The same with facts the case file does not keep, such as a reply to a complaint, which lives
   * in the step that sends it.
   */
  public void notify(String rmaNumber, NoticeType type, StepKey key, Map<String, Object> facts) {
    CustomerNotifier.Delivery delivery = send(key, () -> rmaNotices.noticeFor(type, caseFile.get(rmaNumber), facts));
    caseFile.record(rmaNumber, TimelineEvent.NOTICE, describe(type.name(), delivery));
  }

  /**
   * A new link to the case's page, for a customer who lost theirs or fears someone else has it:
   * the one before stops opening the page, and the customer gets the new one by e-mail.
   */
  @Transactional
  public void renewCustomerLink(String rmaNumber) {
    caseFile.get(rmaNumber);
    links.renew(rmaNumber);
    caseFile.record(rmaNumber, TimelineEvent.CUSTOMER_LINK_RENEWED, null);
    notify(rmaNumber, NoticeType.CUSTOMER_LINK, new StepKey("customer-link/" + rmaNumber + "/" + UUID.randomUUID()));
  }

  /**
   * Sends the notice unless this step sent it before: a retry of a step whose notice went out
   * before its transaction failed gets the earlier delivery back, and the customer no second mail.
   * The notice is made only when it is sent.
   */
  public CustomerNotifier.Delivery send(StepKey key, Supplier<CustomerNotice> notice) {
    return sentNotices.find(key).orElseGet(() -> {
      CustomerNotice made = notice.get();
      CustomerNotifier.Delivery delivered = notifier.deliver(made);
      sentNotices.record(key, made, delivered);
      return delivered;
    });
  }

  /** How a timeline lists a notice: {@code QUOTE sent}, or why it was not. */
  public static String describe(String type, CustomerNotifier.Delivery delivery) {
    return type + (delivery.sent() ? " sent" : " " + delivery.detail());
  }
}
