package io.rmaflow.contract;

import java.time.OffsetDateTime;

/** One line of a contract's history: a status change, a payment, a notice, a decision. */
public record ContractTimelineEntry(OffsetDateTime time, String event, String detail) {}
