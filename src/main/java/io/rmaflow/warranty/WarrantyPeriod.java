package io.rmaflow.warranty;

import io.rmaflow.process.WarrantyBasis;
import java.time.LocalDate;

/**
 * The warranty's start and end, and whether an application falls within it. The warranty
 * ends the day before the same date {@code months} later; a case submitted on the end date
 * is still in warranty.
 */
public record WarrantyPeriod(LocalDate start, LocalDate end, boolean inWarranty) {

  public static WarrantyPeriod calculate(
      WarrantyBasis basis, int months, LocalDate invoiceDate, LocalDate deliveryDate, LocalDate shipmentDate,
      LocalDate submittedOn) {
    LocalDate start = switch (basis) {
      case INVOICE_DATE -> invoiceDate;
      case DELIVERY_DATE -> deliveryDate;
      case SHIPMENT_DATE -> shipmentDate;
      // The product's warranty has a date to run from; a contract or the rework warranty has none.
      case NONE, CONTRACT, REWORK -> null;
    };
    if (start == null) {
      return new WarrantyPeriod(null, null, false);
    }
    LocalDate end = start.plusMonths(months).minusDays(1);
    return new WarrantyPeriod(start, end, !submittedOn.isAfter(end));
  }
}
