package io.rmaflow.rmacase;

import java.time.OffsetDateTime;
import java.util.List;

/** A case with its live deadlines and its timeline. */
public record CaseDetails(RmaCase rmaCase, Deadlines deadlines, List<TimelineEntry> timeline) {

  /** The deadlines running now; null where none applies. {@code tasks}: open tasks with their due dates. */
  public record Deadlines(OffsetDateTime responseDueBy, OffsetDateTime shipBy, OffsetDateTime autoCloseAt,
      OffsetDateTime proofDueBy, OffsetDateTime paymentDueBy, List<TaskDeadline> tasks) {

    public static final Deadlines NONE = new Deadlines(null, null, null, null, null, List.of());
  }

  /** An open task of the case and when it is due, in working time. */
  public record TaskDeadline(String task, String name, OffsetDateTime due) {}
}
