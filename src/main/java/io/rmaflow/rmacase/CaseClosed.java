package io.rmaflow.rmacase;

import io.rmaflow.process.Resolution;
import io.rmaflow.process.StepKey;
import java.time.OffsetDateTime;

/**
 * A case was closed with its resolution. Published inside the closing step's transaction, so
 * listeners (the closing notice, service levels, insight) commit or roll back with it, and a
 * failing listener makes the step retry. {@code step} identifies the closing step across retries.
 */
public record CaseClosed(String rmaNumber, Resolution resolution, OffsetDateTime createdAt, OffsetDateTime closedAt,
    StepKey step) {}
