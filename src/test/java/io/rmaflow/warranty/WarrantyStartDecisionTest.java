package io.rmaflow.warranty;

import static io.rmaflow.warranty.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarrantyStartDecisionTest {

  static final DecisionTable TABLE = new DecisionTable("warranty-start");

  @ParameterizedTest(name = "proof valid {0}, invoice {1}, delivery {2}, shipment {3}: {4}")
  @CsvSource(nullValues = "-", textBlock = """
      # valid, invoice,    delivery,   shipment,   basis
      true,    2026-01-10, 2026-01-12, -,          INVOICE_DATE
      true,    2026-01-10, 2026-01-10, 2025-12-01, INVOICE_DATE
      true,    2026-01-10, -,          -,          INVOICE_DATE
      true,    2026-01-15, 2026-01-12, -,          DELIVERY_DATE
      true,    2026-01-13, 2026-01-12, 2025-12-01, DELIVERY_DATE
      false,   2026-01-10, 2026-01-12, 2025-12-01, SHIPMENT_DATE
      true,    -,          2026-01-12, 2025-12-01, SHIPMENT_DATE
      -,       2026-01-10, -,          2025-12-01, SHIPMENT_DATE
      false,   2026-01-10, 2026-01-12, -,          NONE
      true,    -,          -,          -,          NONE
      -,       -,          -,          -,          NONE
      """)
  void theWarrantyStartsOnTheDateTheTermsName(
      Boolean proofValid, String invoiceDate, String deliveryDate, String shipmentDate, String basis) {
    var result = TABLE.evaluate(inputs(
        "proofOfPurchaseValid", proofValid, "invoiceDate", invoiceDate, "deliveryDate", deliveryDate,
        "shipmentDate", shipmentDate));

    assertThat((String) result.getEntry("warrantyBasis")).isEqualTo(basis);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
