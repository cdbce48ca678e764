package io.rmaflow.notification;

import io.rmaflow.rmacase.CaseFile;
import org.springframework.stereotype.Service;

/** Sends a case's customer notice and lists it in the case timeline. */
@Service
public class NotificationService {

  private final CaseFile caseFile;
  private final CustomerNotifier notifier;

  public NotificationService(CaseFile caseFile, CustomerNotifier notifier) {
    this.caseFile = caseFile;
    this.notifier = notifier;
  }

  public void notify(String rmaNumber, NoticeType type) {
    CustomerNotifier.Delivery delivery = notifier.deliver(new CustomerNotice(type, caseFile.get(rmaNumber)));
    caseFile.record(rmaNumber, "NOTICE", type.name() + (delivery.sent() ? " sent" : " " + delivery.detail()));
  }
}
