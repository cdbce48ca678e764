package io.rmaflow.rmacase;

import io.rmaflow.process.Coverage;
import io.rmaflow.process.WarrantyBasis;
import java.time.LocalDate;

/** The warranty decision as the case file keeps it; start and end are null without a basis. */
public record WarrantyDecision(Coverage coverage, WarrantyBasis basis, LocalDate start, LocalDate end, String reason) {}
