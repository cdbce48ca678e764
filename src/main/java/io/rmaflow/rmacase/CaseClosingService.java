package io.rmaflow.rmacase;

import io.rmaflow.notification.NoticeKey;
import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes a case with one resolution and sends the customer the matching closing notice. */
@Service
public class CaseClosingService {

  private final CaseFile caseFile;
  private final NotificationService notifications;

  public CaseClosingService(CaseFile caseFile, NotificationService notifications) {
    this.caseFile = caseFile;
    this.notifications = notifications;
  }

  @Transactional
  public void close(String rmaNumber, Resolution resolution, NoticeKey noticeKey) {
    if (resolution == null) {
      throw new IllegalStateException("Case " + rmaNumber + " reached a closing end event without a resolution");
    }
    caseFile.close(rmaNumber, resolution);
    notifications.notify(rmaNumber, NoticeType.closingNoticeFor(resolution), noticeKey);
  }
}
