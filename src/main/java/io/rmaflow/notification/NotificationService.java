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
    if (sentNotices.contains(key)) {
      return;
    }
    CustomerNotice notice = new CustomerNotice(type, caseFile.get(rmaNumber));
    CustomerNotifier.Delivery delivery = notifier.deliver(notice);
    sentNotices.record(key, notice, delivery);
  }
}
