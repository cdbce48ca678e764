package io.rmaflow.complaint;

import io.rmaflow.process.ComplaintOutcome;
import java.time.OffsetDateTime;

/** A complaint's clock: filed, reply due, replied (null while open), and how it ended. */
public record Complaint(long id, String rmaNumber, OffsetDateTime filedAt, OffsetDateTime dueBy, OffsetDateTime answeredAt,
    ComplaintOutcome outcome) {

  /** Replied to by the due time (002 第四条(三)3). */
  public boolean answeredInTime() {
    return answeredAt != null && !answeredAt.isAfter(dueBy);
  }
}
