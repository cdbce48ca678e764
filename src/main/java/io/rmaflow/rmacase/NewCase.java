package io.rmaflow.rmacase;

import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.SalesChannel;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a submitted application files: the case before any step has worked on it, with the
 * earlier case it reworks and the contract that entitles it, each when there is one.
 */
public record NewCase(
    String rmaNumber,
    OffsetDateTime createdAt,
    RmaCase.Customer customer,
    String productModel,
    String serialNumber,
    SalesChannel purchaseChannel,
    String invoiceNumber,
    LocalDate invoiceDate,
    LocalDate deliveryDate,
    String faultDescription,
    String faultCategory,
    Priority priority,
    ServiceType serviceType,
    boolean keepReplacedParts,
    String reworkOf,
    RmaCase.Entitlement entitlement,
    TermsAcceptance termsAccepted) {}
