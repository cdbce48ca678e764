package io.rmaflow.sla;

import static io.rmaflow.warranty.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.warranty.DecisionTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnsiteVisitDaysDecisionTest {

  static final DecisionTable TABLE = new DecisionTable("onsite-visit-days");

  @ParameterizedTest(name = "customer in {0}, {1}; centre in {2}, {3}: {4} working days")
  @CsvSource(nullValues = "-", textBlock = """
      Shanghai,  Shanghai, Shanghai,  Shanghai, 1
      shanghai , shanghai, Shanghai,  Shanghai, 1
      Shanghai,  -,        Shanghai,  Shanghai, 1
      Pudong,    Shanghai, Shanghai,  Shanghai, 2
      Ningbo,    Zhejiang, Hangzhou,  Zhejiang, 2
      Hangzhou,  Zhejiang, Shanghai,  Shanghai, 3
      -,         -,        Shanghai,  Shanghai, 3
      Beijing,   Beijing,  -,         -,        3
      Suzhou,    Anhui,    Suzhou,    Jiangsu,  3
      """)
  void aVisitIsScheduledSoonerTheCloserTheCustomer(String city, String province, String centreCity, String centreProvince,
      int days) {
    var result = TABLE.evaluate(inputs("customerCity", city, "customerProvince", province,
        "centreCity", centreCity, "centreProvince", centreProvince));

    assertThat(((Number) result.getEntry("onSiteVisitDays")).intValue()).isEqualTo(days);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
