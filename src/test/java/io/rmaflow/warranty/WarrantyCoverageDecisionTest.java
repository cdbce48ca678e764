package io.rmaflow.warranty;

import static io.rmaflow.warranty.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarrantyCoverageDecisionTest {

  static final DecisionTable TABLE = new DecisionTable("warranty-coverage");

  @ParameterizedTest(name = "{0}, basis {1}, in warranty {2}, proof requested {3}, contract {4}, rework of {5}: {6}")
  @CsvSource(nullValues = "-", textBlock = """
      # cause,                   basis,         in warranty, proof requested, contract,  rework of,       coverage,       covered by, reason mentions
      NO_FAULT_FOUND,            INVOICE_DATE,  true,        false,           NONE,      -,               NO_FAULT,       -,          No fault
      NO_FAULT_FOUND,            NONE,          false,       false,           NONE,      -,               NO_FAULT,       -,          No fault
      MAN_MADE_DAMAGE,           INVOICE_DATE,  true,        false,           NONE,      -,               PAID,           -,          MAN_MADE_DAMAGE
      LIQUID_DAMAGE,             DELIVERY_DATE, true,        false,           NONE,      -,               PAID,           -,          LIQUID_DAMAGE
      FORCE_MAJEURE,             SHIPMENT_DATE, true,        false,           NONE,      -,               PAID,           -,          FORCE_MAJEURE
      UNAUTHORIZED_MODIFICATION, INVOICE_DATE,  false,       false,           NONE,      -,               PAID,           -,          UNAUTHORIZED_MODIFICATION
      MAN_MADE_DAMAGE,           NONE,          false,       false,           NONE,      -,               PAID,           -,          MAN_MADE_DAMAGE
      MANUFACTURING_DEFECT,      NONE,          false,       false,           NONE,      -,               PROOF_REQUIRED, -,          proof of purchase
      MANUFACTURING_DEFECT,      NONE,          false,       true,            NONE,      -,               PAID,           -,          No valid proof
      MANUFACTURING_DEFECT,      INVOICE_DATE,  true,        false,           NONE,      -,               FREE,           -,          2027-03-09
      MANUFACTURING_DEFECT,      SHIPMENT_DATE, true,        true,            NONE,      -,               FREE,           -,          2027-03-09
      MANUFACTURING_DEFECT,      DELIVERY_DATE, false,       false,           NONE,      -,               PAID,           -,          ended on 2027-03-09
      # service terms 001 5: an active contract covers defects and checks out of warranty, not what the terms exclude
      MANUFACTURING_DEFECT,      DELIVERY_DATE, false,       false,           ACTIVE,    -,               FREE,           CONTRACT,   service contract SC-2026-000007
      MANUFACTURING_DEFECT,      NONE,          false,       false,           ACTIVE,    -,               FREE,           CONTRACT,   service contract SC-2026-000007
      MANUFACTURING_DEFECT,      INVOICE_DATE,  true,        false,           ACTIVE,    -,               FREE,           -,          2027-03-09
      NO_FAULT_FOUND,            INVOICE_DATE,  false,       false,           ACTIVE,    -,               NO_FAULT,       CONTRACT,   Service contract SC-2026-000007 covers
      NO_FAULT_FOUND,            INVOICE_DATE,  true,        false,           ACTIVE,    -,               NO_FAULT,       -,          No fault
      LIQUID_DAMAGE,             DELIVERY_DATE, false,       false,           ACTIVE,    -,               PAID,           -,          not covered by service contract SC-2026-000007
      FORCE_MAJEURE,             NONE,          false,       false,           ACTIVE,    -,               PAID,           -,          not covered by service contract SC-2026-000007
      # a suspended, unpaid or ended contract gives nothing, and the reason says so
      MANUFACTURING_DEFECT,      INVOICE_DATE,  false,       false,           SUSPENDED, -,               PAID,           -,          SC-2026-000007 is SUSPENDED
      MANUFACTURING_DEFECT,      DELIVERY_DATE, false,       false,           EXPIRED,   -,               PAID,           -,          SC-2026-000007 is EXPIRED
      MANUFACTURING_DEFECT,      SHIPMENT_DATE, false,       false,           IN_AUDIT,  -,               PAID,           -,          SC-2026-000007 is IN_AUDIT
      MANUFACTURING_DEFECT,      NONE,          false,       true,            SUSPENDED, -,               PAID,           -,          SC-2026-000007 is SUSPENDED
      MANUFACTURING_DEFECT,      NONE,          false,       false,           SUSPENDED, -,               PROOF_REQUIRED, -,          proof of purchase
      NO_FAULT_FOUND,            NONE,          false,       false,           ENDED,     -,               NO_FAULT,       -,          No fault
      # service terms 001 6: a rework is free unless the cause is excluded, whatever the warranty or contract
      MANUFACTURING_DEFECT,      NONE,          false,       false,           NONE,      RMA-2026-000001, FREE,           REWORK,     rework of RMA-2026-000001
      MANUFACTURING_DEFECT,      INVOICE_DATE,  true,        false,           ACTIVE,    RMA-2026-000001, FREE,           REWORK,     rework of RMA-2026-000001
      NO_FAULT_FOUND,            INVOICE_DATE,  false,       false,           NONE,      RMA-2026-000001, NO_FAULT,       REWORK,     rework of RMA-2026-000001
      MAN_MADE_DAMAGE,           INVOICE_DATE,  false,       false,           NONE,      RMA-2026-000001, PAID,           -,          rework warranty of RMA-2026-000001
      UNAUTHORIZED_MODIFICATION, NONE,          false,       false,           ACTIVE,    RMA-2026-000001, PAID,           -,          rework warranty of RMA-2026-000001
      """)
  void theWarrantyAServiceContractOrTheReworkWarrantyCoversOnlyWhatTheTermsDoNotExclude(String cause, String basis,
      boolean inWarranty, boolean proofRequested, String contract, String reworkOf, String coverage, String coveredBy,
      String reason) {
    var result = TABLE.evaluate(inputs(
        "faultCause", cause, "warrantyBasis", basis, "inWarranty", inWarranty, "proofRequested", proofRequested,
        "warrantyEnd", "NONE".equals(basis) ? null : "2027-03-09", "contractStatus", contract,
        "contractNumber", "NONE".equals(contract) ? null : "SC-2026-000007", "reworkOf", reworkOf));

    assertThat((String) result.getEntry("coverage")).isEqualTo(coverage);
    // A rule without a basis leaves the output out: the warranty start stays the basis.
    assertThat((String) result.get("coverageBasis")).isEqualTo(coveredBy);
    assertThat((String) result.getEntry("warrantyReason")).contains(reason);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
