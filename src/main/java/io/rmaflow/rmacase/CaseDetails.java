package io.rmaflow.rmacase;

import java.time.OffsetDateTime;
import java.util.List;

/** A case with its live deadlines and its timeline. */
public record CaseDetails(RmaCase rmaCase, Deadlines deadlines, List<TimelineEntry> timeline) {

  /** The deadlines running now; null where none applies. */
  public record Deadlines(OffsetDateTime shipBy, OffsetDateTime autoCloseAt, OffsetDateTime proofDueBy,
      OffsetDateTime paymentDueBy) {}
}
