package io.rmaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.contract.ContractQueryService;
import io.rmaflow.contract.ContractStatus;
import io.rmaflow.process.LifecycleDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's two contracts stand as the README promises on whatever day the demo starts: one
 * paid and in service, one in service with a year overdue by ten days. The days tried are far
 * from the other tests' dates, so the demo units' cover touches none of their cases.
 */
@RmaSpringBootTest
class DemoContractsTest {

  @Autowired DemoSetup demoSetup;
  @Autowired ContractQueryService contracts;
  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @ParameterizedTest(name = "started on {0}")
  @CsvSource({
      // The 1st, the 5th (monthly fees fall due), a month's end and a leap day.
      "2041-03-01", "2043-03-05", "2045-12-31", "2048-02-29"})
  void theDemoHasOneContractPaidUpAndOneOverdueWithLateFees(LocalDate day) {
    driver.setClock(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

    List<String> numbers = demoSetup.registerContracts();
    numbers.forEach(driver::runAsyncSteps);

    ContractQueryService.ContractDetails paidUp = contracts.get(numbers.get(0));
    assertThat(paidUp.contract().status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(paidUp.contract().units()).containsExactlyInAnyOrder("SN-X200-0100", "SN-X200-0101");
    // Nothing overdue; from seven days before the 5th, next month's fee can be paid.
    assertThat(paidUp.balance().overdueLateFees()).isEqualByComparingTo("0.00");
    assertThat(paidUp.balance().periods()).filteredOn(line -> line.paidAt() == null && !line.paidBeforeRegistration())
        .allSatisfy(line -> assertThat(line.dueOn()).isAfter(day));
    assertThat(paidUp.balance().paidThrough()).isEqualTo(day.withDayOfMonth(1).plusMonths(1).minusDays(1));

    ContractQueryService.ContractDetails overdue = contracts.get(numbers.get(1));
    assertThat(overdue.contract().status()).isEqualTo(ContractStatus.ACTIVE);
    // The second year, 12000.00 net and 1560.00 tax, ten days late: 13560.00 x 0.0005 x 10 = 67.80.
    assertThat(overdue.balance().overdueLateFees()).isEqualByComparingTo("67.80");
    assertThat(overdue.balance().due()).isEqualByComparingTo("13627.80");
    assertThat(overdue.serviceLevels().availabilityTarget()).isEqualByComparingTo("99.90");
    for (String number : numbers) {
      assertThat(runtimeService.createIncidentQuery().processInstanceId(driver.processInstanceId(number)).count()).isZero();
    }
  }
}
