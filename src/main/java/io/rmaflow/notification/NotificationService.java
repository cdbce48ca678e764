package io.rmaflow.notification;

import io.rmaflow.process.StepKey;
import io.rmaflow.rmacase.CaseClosed;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.TimelineEvent;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

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

  NotificationService(CaseFile caseFile, RmaNotices rmaNotices, CustomerNotifier notifier, SentNotices sentNotices) {
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
    CustomerNotifier.Delivery delivery = send(key, () -> rmaNotices.noticeFor(type, caseFile.get(rmaNumber)));
    caseFile.record(rmaNumber, TimelineEvent.NOTICE, describe(type.name(), delivery));
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
