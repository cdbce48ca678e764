package io.rmaflow.api;

import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.process.Resolution;
import io.rmaflow.rmacase.RmaCase;
import java.time.OffsetDateTime;
import java.util.List;

/** A case in search results. */
public record CaseSummary(String rmaNumber, CaseStatus status, Resolution resolution, OffsetDateTime createdAt,
    String productModel, String serialNumber, String customerEmail) {

  static CaseSummary of(RmaCase c, ContactDetails contact) {
    return new CaseSummary(c.rmaNumber(), c.status(), c.resolution(), c.createdAt(), c.productModel(), c.serialNumber(),
        contact.email(c.customer().email()));
  }

  /** One page of search results. */
  public record Page(List<CaseSummary> items, int page, int size, long totalItems) {}
}
