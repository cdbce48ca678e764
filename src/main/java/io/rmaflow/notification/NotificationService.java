package io.rmaflow.notification;

import io.rmaflow.rmacase.CaseFile;
import org.springframework.stereotype.Service;

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

  public void notify(String rmaNumber, NoticeType type, NoticeKey key) {
    // A retry of a step whose notice went out before its transaction failed: list it, don't resend.
    CustomerNotifier.Delivery delivery = sentNotices.find(key).orElseGet(() -> {
      CustomerNotice notice = new CustomerNotice(type, caseFile.get(rmaNumber));
      CustomerNotifier.Delivery delivered = notifier.deliver(notice);
      sentNotices.record(key, notice, delivered);
      return delivered;
    });
    caseFile.record(rmaNumber, "NOTICE", type.name() + (delivery.sent() ? " sent" : " " + delivery.detail()));
  }
}
