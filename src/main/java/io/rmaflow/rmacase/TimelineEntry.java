package io.rmaflow.rmacase;

import java.time.OffsetDateTime;

/** One line of a case's history: a status change, a customer notice or a recorded fact. */
public record TimelineEntry(OffsetDateTime time, String event, String detail) {}
