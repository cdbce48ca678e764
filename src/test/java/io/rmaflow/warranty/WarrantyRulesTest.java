package io.rmaflow.warranty;

import static io.rmaflow.warranty.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.rmaflow.process.WarrantyBasis;

/**
 * The warranty decision end to end, as the lifecycle chains it: start table, length table,
 * the period's date arithmetic, coverage table. Here live the date edge cases.
 */
class WarrantyRulesTest {

  static final DecisionTable START = new DecisionTable("warranty-start");
  static final DecisionTable LENGTH = new DecisionTable("warranty-length");
  static final DecisionTable COVERAGE = new DecisionTable("warranty-coverage");

  @ParameterizedTest(name = "{0}: invoice {1}, delivery {2}, shipment {3}, submitted {4}: ends {5}, {6}")
  @CsvSource(nullValues = "-", textBlock = """
      # category, invoice,    delivery,   shipment,   submitted,  warranty end, coverage
      DEVICE,     2025-03-10, 2025-03-10, -,          2026-03-09, 2026-03-09,   FREE
      DEVICE,     2025-03-10, 2025-03-10, -,          2026-03-10, 2026-03-09,   PAID
      DEVICE,     2025-03-10, 2025-03-05, -,          2026-03-05, 2026-03-04,   PAID
      DEVICE,     2025-03-10, 2025-03-05, -,          2026-03-04, 2026-03-04,   FREE
      ACCESSORY,  2025-09-10, -,          -,          2026-03-09, 2026-03-09,   FREE
      BATTERY,    2025-09-10, -,          -,          2026-03-10, 2026-03-09,   PAID
      DEVICE,     2025-01-31, -,          -,          2026-01-30, 2026-01-30,   FREE
      DEVICE,     2024-02-29, -,          -,          2025-02-28, 2025-02-27,   PAID
      -,          -,          -,          2025-06-01, 2026-05-31, 2026-05-31,   FREE
      DEVICE,     -,          -,          -,          2026-03-10, -,            PROOF_REQUIRED
      """)
  void aManufacturingDefectIsFreeUpToAndIncludingTheWarrantysLastDay(
      String category, LocalDate invoiceDate, LocalDate deliveryDate, LocalDate shipmentDate, LocalDate submittedOn,
      LocalDate warrantyEnd, String coverage) {
    boolean validInvoice = invoiceDate != null;
    WarrantyBasis basis = WarrantyBasis.valueOf(START.evaluate(inputs(
        "proofOfPurchaseValid", validInvoice, "invoiceDate", text(invoiceDate), "deliveryDate", text(deliveryDate),
        "shipmentDate", text(shipmentDate))).getEntry("warrantyBasis"));
    int months = ((Number) LENGTH.evaluate(inputs("productCategory", category)).getEntry("warrantyMonths")).intValue();
    WarrantyPeriod period = WarrantyPeriod.calculate(basis, months, invoiceDate, deliveryDate, shipmentDate, submittedOn);
    String decided = COVERAGE.evaluate(inputs(
        "faultCause", "MANUFACTURING_DEFECT", "warrantyBasis", basis.name(), "inWarranty", period.inWarranty(),
        "proofRequested", false, "warrantyEnd", text(period.end()))).getEntry("coverage");

    assertThat(period.end()).isEqualTo(warrantyEnd);
    assertThat(decided).isEqualTo(coverage);
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
