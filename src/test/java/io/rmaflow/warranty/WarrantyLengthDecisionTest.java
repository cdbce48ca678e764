package io.rmaflow.warranty;

import static io.rmaflow.warranty.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarrantyLengthDecisionTest {

  static final DecisionTable TABLE = new DecisionTable("warranty-length");

  @ParameterizedTest(name = "{0}: {1} months")
  @CsvSource(nullValues = "-", textBlock = """
      DEVICE,    12
      ACCESSORY, 6
      BATTERY,   6
      -,         12
      GADGET,    12
      """)
  void theWarrantyLengthFollowsTheProductCategory(String category, int months) {
    var result = TABLE.evaluate(inputs("productCategory", category));

    assertThat(((Number) result.getEntry("warrantyMonths")).intValue()).isEqualTo(months);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
