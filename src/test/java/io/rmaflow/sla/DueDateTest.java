package io.rmaflow.sla;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.process.Priority;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.repair.PaymentService;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.shipping.ShipInService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract's task due dates in working time, to the minute, from a fixed clock: Friday 17:00 in Shanghai. */
@RmaSpringBootTest
class DueDateTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZonedDateTime FRIDAY_1700 = ZonedDateTime.of(2026, 11, 20, 17, 0, 0, 0, SHANGHAI);

  @Autowired LifecycleDriver driver;
  @Autowired ComplaintService complaints;
  @Autowired PaymentService payments;
  @Autowired CaseFile cases;
  @Autowired ShipInService shipIn;

  @BeforeEach
  void fixClock() {
    driver.setClock(FRIDAY_1700.toInstant());
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @ParameterizedTest(name = "{0}: due {1}, priority {2}")
  @CsvSource(textBlock = """
      HIGH,   2026-11-23T16:00, 75
      MEDIUM, 2026-11-25T14:00, 50
      LOW,    2026-11-27T12:00, 25
      """)
  void remoteTriageIsDueByThePrioritysWorkingHours(Priority priority, LocalDateTime due, int taskPriority) {
    String rma = driver.submit(application(priority, "Shanghai", "Shanghai")).getBusinessKey();

    var task = driver.task(rma, REMOTE_DIAGNOSIS);

    assertThat(local(task.getDueDate())).isEqualTo(due);
    assertThat(task.getPriority()).isEqualTo(taskPriority);
  }

  @ParameterizedTest(name = "customer in {0}, {1}: visit scheduled by {2}")
  @CsvSource(textBlock = """
      Shanghai, Shanghai, 2026-11-23T17:00
      Pudong,   Shanghai, 2026-11-24T17:00
      Hangzhou, Zhejiang, 2026-11-25T17:00
      """)
  void anOnSiteVisitIsDueByDistance(String city, String province, LocalDateTime due) {
    String rma = driver.submit(application(Priority.MEDIUM, city, province)).getBusinessKey();

    driver.complete(rma, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "ON_SITE"));

    assertThat(local(driver.task(rma, SCHEDULE_ON_SITE_VISIT).getDueDate())).isEqualTo(due);
  }

  @Test
  void aComplaintIsDueInTwoWorkingDays() {
    String rma = driver.submit(application(Priority.MEDIUM, "Shanghai", "Shanghai")).getBusinessKey();

    complaints.file(rma, "Nobody called");
    driver.runAsyncSteps(rma);

    assertThat(local(driver.task(rma, HANDLE_COMPLAINT).getDueDate())).isEqualTo(LocalDateTime.parse("2026-11-24T17:00"));
  }

  @Test
  void theVatInvoiceIsDueInTenWorkingDaysWithoutHoldingBackTheRepair() {
    String rma = driver.submit(application(Priority.MEDIUM, "Shanghai", "Shanghai")).getBusinessKey();
    driver.complete(rma, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    shipIn.reportArrival(rma, "SF1");
    driver.complete(rma, INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(rma, DIAGNOSE_FAULT, Map.of("faultCause", "LIQUID_DAMAGE", "proofOfPurchaseValid", true,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 0));

    payments.receive(rma, "PAY-" + rma, cases.get(rma).quote().gross(), "CNY");
    driver.runAsyncSteps(rma);

    assertThat(local(driver.task(rma, ISSUE_INVOICE).getDueDate())).isEqualTo(LocalDateTime.parse("2026-12-04T17:00"));
    assertThat(driver.task(rma, REPAIR_DEVICE).getDueDate()).isNull();
  }

  private static RmaApplication application(Priority priority, String city, String province) {
    RmaApplication base = Applications.withInvoice(LocalDate.parse("2026-09-01"));
    return new RmaApplication(
        new Customer("Li Wei", "li.wei@example.com", null, "zh",
            new Address("1 Road", city, province, "200001", "CN")),
        base.product(), new RmaApplication.Purchase(SalesChannel.OFFICIAL_STORE, "INV-1", LocalDate.parse("2026-09-01"), null),
        base.fault(), priority, base.serviceType(), false, base.acknowledgements());
  }

  private static LocalDateTime local(java.util.Date date) {
    return date.toInstant().atZone(SHANGHAI).toLocalDateTime();
  }
}
