package io.rmaflow.contract;

import java.time.OffsetDateTime;

/** An outage of a support contract's covered system, as reported; {@code endedAt} is null while it lasts. */
public record Outage(long id, String contractNumber, OffsetDateTime startedAt, OffsetDateTime endedAt, String description,
    OffsetDateTime reportedAt) {

  public boolean isOpen() {
    return endedAt == null;
  }
}
