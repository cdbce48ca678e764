package io.rmaflow.rmacase;

import java.time.OffsetDateTime;

/**
 * A document the customer sent with the case, such as a scan of the invoice as proof of
 * purchase. Kept in the case file, never in the engine's variables; {@code data} only where the
 * content is asked for.
 */
public record CaseDocument(long id, String rmaNumber, Kind kind, String fileName, String contentType, long size,
    OffsetDateTime uploadedAt, byte[] data) {

  public enum Kind {
    PROOF_OF_PURCHASE
  }
}
