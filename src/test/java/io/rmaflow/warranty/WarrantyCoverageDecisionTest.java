package io.rmaflow.warranty;

import static io.rmaflow.warranty.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarrantyCoverageDecisionTest {

  static final DecisionTable TABLE = new DecisionTable("warranty-coverage");

  @ParameterizedTest(name = "{0}, basis {1}, in warranty {2}, proof requested {3}: {4}")
  @CsvSource(nullValues = "-", textBlock = """
      # cause,                   basis,         in warranty, proof requested, coverage,       reason mentions
      NO_FAULT_FOUND,            INVOICE_DATE,  true,        false,           NO_FAULT,       No fault
      NO_FAULT_FOUND,            NONE,          false,       false,           NO_FAULT,       No fault
      MAN_MADE_DAMAGE,           INVOICE_DATE,  true,        false,           PAID,           MAN_MADE_DAMAGE
      LIQUID_DAMAGE,             DELIVERY_DATE, true,        false,           PAID,           LIQUID_DAMAGE
      FORCE_MAJEURE,             SHIPMENT_DATE, true,        false,           PAID,           FORCE_MAJEURE
      UNAUTHORIZED_MODIFICATION, INVOICE_DATE,  false,       false,           PAID,           UNAUTHORIZED_MODIFICATION
      MAN_MADE_DAMAGE,           NONE,          false,       false,           PAID,           MAN_MADE_DAMAGE
      MANUFACTURING_DEFECT,      NONE,          false,       false,           PROOF_REQUIRED, proof of purchase
      MANUFACTURING_DEFECT,      NONE,          false,       true,            PAID,           No valid proof
      MANUFACTURING_DEFECT,      INVOICE_DATE,  true,        false,           FREE,           2027-03-09
      MANUFACTURING_DEFECT,      SHIPMENT_DATE, true,        true,            FREE,           2027-03-09
      MANUFACTURING_DEFECT,      DELIVERY_DATE, false,       false,           PAID,           ended on 2027-03-09
      """)
  void onlyAManufacturingDefectWithinTheWarrantyIsFree(
      String cause, String basis, boolean inWarranty, boolean proofRequested, String coverage, String reason) {
    var result = TABLE.evaluate(inputs(
        "faultCause", cause, "warrantyBasis", basis, "inWarranty", inWarranty, "proofRequested", proofRequested,
        "warrantyEnd", "NONE".equals(basis) ? null : "2027-03-09"));

    assertThat((String) result.getEntry("coverage")).isEqualTo(coverage);
    assertThat((String) result.getEntry("warrantyReason")).contains(reason);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
