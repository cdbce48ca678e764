package io.rmaflow.intake;

import io.rmaflow.product.ProductCategory;
import java.time.LocalDate;

/** Result of the intake check: may the case proceed, and what the registry knows of the unit. */
public record Eligibility(
    boolean eligible, String reason, ProductCategory productCategory, boolean registered, LocalDate shipmentDate) {}
