package io.rmaflow.product;

import java.time.LocalDate;

/** A unit sold, as registered by the ERP: the basis of the warranty when no invoice is valid. */
public record ProductUnit(
    String serialNumber, String model, ProductCategory category, LocalDate shippedOn, SalesChannel channel) {}
