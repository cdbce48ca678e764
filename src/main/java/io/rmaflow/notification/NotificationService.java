package io.rmaflow.notification;

import io.rmaflow.rmacase.CaseClosed;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.TimelineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import io.rmaflow.process.StepKey;

/**
 * Sends a case's customer notice once. Delivery failures propagate, so the engine retries
 * the step with back-off and raises an incident when retries run out; the case waits there
 * and nothing of it is rolled back.
 */
@Service
public class NotificationService {

  private final CaseFile caseFile;
  private final CustomerNotifier notifier;
  private final SentNotices sentNotices;

  public NotificationService(CaseFile caseFile, CustomerNotifier notifier, SentNotices sentNotices) {
    this.caseFile = caseFile;
    this.notifier = notifier;
    this.sentNotices = sentNotices;
  }

  /** The closing notice, with its invitation to give feedback (post-sale policy 3.4). */
  @EventListener
  void onCaseClosed(CaseClosed closed) {
    notify(closed.rmaNumber(), NoticeType.closingNoticeFor(closed.resolution()), closed.step());
  }

  public void notify(String rmaNumber, NoticeType type, StepKey key) {
    // A retry of a step whose notice went out before its transaction failed: list it, don't resend.
    CustomerNotifier.Delivery delivery = sentNotices.find(key).orElseGet(() -> {
      CustomerNotice notice = new CustomerNotice(type, caseFile.get(rmaNumber));
      CustomerNotifier.Delivery delivered = notifier.deliver(notice);
      sentNotices.record(key, notice, delivered);
      return delivered;
    });
    caseFile.record(rmaNumber, TimelineEvent.NOTICE, type.name() + (delivery.sent() ? " sent" : " " + delivery.detail()));
  }
}
