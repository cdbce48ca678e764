package io.rmaflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmaflow.customer.Customer;
import io.rmaflow.TestClock;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseFile;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RmaSpringBootTest
class SubmitRmaServiceTest {

  @Autowired SubmitRmaService submitRmaService;
  @Autowired LifecycleDriver driver;
  @Autowired CaseFile cases;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @Test
  void aSubmittedApplicationIsFiledUnderANewRmaNumberAndStartsItsLifecycle() {
    String first = submitRmaService.submit(Applications.withInvoice(TestClock.today().minusMonths(1)));
    String second = submitRmaService.submit(Applications.withInvoice(TestClock.today().minusMonths(1)));

    assertThat(first).matches("RMA-\\d{4}-\\d{6}");
    assertThat(Long.parseLong(second.substring(9))).isGreaterThan(Long.parseLong(first.substring(9)));
    assertThat(cases.get(first).customer().email()).isEqualTo("li.wei@example.com");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RmaProcess.KEY)
        .processInstanceBusinessKey(first).count()).isEqualTo(1);
  }

  @Test
  void aSecondOpenRmaForTheSameSerialIsRefusedAndLeavesNothingBehind() {
    var application = Applications.withInvoice(TestClock.today().minusMonths(1));
    String open = submitRmaService.submit(application);
    long cases = count("rma_case");
    long instances = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> submitRmaService.submit(application))
        .isInstanceOf(DuplicateOpenRmaException.class)
        .hasMessageContaining(application.product().serialNumber());

    assertThat(count("rma_case")).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(this.cases.openCaseFor(application.product().serialNumber())).contains(open);
  }

  @Test
  void aSerialCanBeSubmittedAgainOnceItsCaseIsClosed() {
    var application = Applications.withInvoice(TestClock.today().minusMonths(1));
    String first = driver.submit(application).getBusinessKey();
    driver.complete(first, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "RESOLVED"));

    String second = submitRmaService.submit(application);

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void anInvalidApplicationIsRefusedNamingEachFieldAndLeavesNothingBehind() {
    var valid = Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false);
    var invalid = new RmaApplication(
        new Customer("", "not-an-email", null, "fr", valid.customer().address()),
        valid.product(),
        new RmaApplication.Purchase(SalesChannel.OFFICIAL_STORE, "INV-1", TestClock.today().plusDays(3), null),
        valid.fault(), null, null, null,
        new RmaApplication.Acknowledgements(true, false));
    long cases = count("rma_case");
    long instances = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> submitRmaService.submit(invalid))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e ->
            assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("customer.name", "customer.email", "customer.locale",
                    "purchase.invoiceDate", "acknowledgements.passwordsRemoved"));

    assertThat(count("rma_case")).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aDateIsInTheFutureByTheServiceCentresCalendarNotTheServers() {
    // 20:00 UTC on 10 March is already 04:00 on 11 March in Shanghai.
    driver.setClock(java.time.Instant.parse("2026-03-10T20:00:00Z"));
    try {
      var today = Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE,
          LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-11"), false);
      var tomorrow = Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE,
          LocalDate.parse("2026-03-12"), null, false);

      assertThat(submitRmaService.submit(today)).startsWith("RMA-2026-");
      assertThatThrownBy(() -> submitRmaService.submit(tomorrow)).isInstanceOf(ConstraintViolationException.class);
    } finally {
      driver.resetClock();
    }
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
