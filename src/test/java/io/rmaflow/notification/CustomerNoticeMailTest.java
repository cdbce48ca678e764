package io.rmaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.process.Coverage;
import io.rmaflow.process.FaultCause;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.ParcelCondition;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RefundCause;
import io.rmaflow.process.RepairMethod;
import io.rmaflow.process.Resolution;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.process.ServiceType;
import io.rmaflow.process.StepKey;
import io.rmaflow.process.WarrantyBasis;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseFileFixtures;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.WarrantyDecision;
import io.rmaflow.support.Price;
import io.rmaflow.support.RmaClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Customer notices by SMTP, against a real mail server in the test JVM. */
@RmaSpringBootTest
class CustomerNoticeMailTest {

  static final String REPLY = "We are sorry: the technician missed the loose connector. Your money comes back.";
  static final OffsetDateTime SHIP_BY = OffsetDateTime.parse("2026-03-13T10:00:00+08:00");
  static final OffsetDateTime AUTO_CLOSE = OffsetDateTime.parse("2026-03-25T10:00:00+08:00");
  static final OffsetDateTime PROOF_DUE = OffsetDateTime.parse("2026-03-17T10:00:00+08:00");
  static final OffsetDateTime PAYMENT_DUE = OffsetDateTime.parse("2026-04-10T10:00:00+08:00");

  @Autowired GreenMail greenMail;
  @Autowired SubmitRmaService submitRmaService;
  @Autowired NotificationService notifications;
  @Autowired CaseFile caseFile;
  @Autowired RmaClock clock;
  @Autowired LifecycleDriver driver;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired TransactionTemplate transaction;

  static List<Arguments> everyNoticeInEveryLanguage() {
    List<Arguments> arguments = new ArrayList<>();
    for (NoticeType type : NoticeType.values()) {
      arguments.add(Arguments.of(type, "en"));
      arguments.add(Arguments.of(type, "zh"));
    }
    return arguments;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyNoticeInEveryLanguage")
  void everyNoticeArrivesAsTextAndHtmlInTheCustomersLanguageWithItsFacts(NoticeType type, String locale) throws Exception {
    String email = "customer-" + UUID.randomUUID() + "@example.com";
    String rmaNumber = caseWithAllFacts(email, locale);

    notifications.notify(rmaNumber, type, new StepKey(UUID.randomUUID().toString()),
        type == NoticeType.COMPLAINT_ANSWERED ? Map.of("complaintReply", REPLY) : Map.of());

    List<String> facts = new ArrayList<>(factsOf(type, locale, rmaNumber));
    // Every notice leads to the case's own page.
    facts.add("http://localhost:8080/portal/rmas/" + rmaNumber + "?token=");
    String text = ReceivedMail.assertNotice(ReceivedMail.single(greenMail, email), email, rmaNumber, locale, facts);
    if (type.closesCase()) {
      assertThat(text).contains(locale.equals("zh") ? "1 到 5 分" : "rating from 1 to 5");
    }
  }

  @Test
  void anUnreachableMailServerMeansRetriesWithBackOffThenAnIncidentAndRecoverySendsExactlyOnce() throws Exception {
    String email = "outage-" + UUID.randomUUID() + "@example.com";
    String rmaNumber = submitRmaService.submit(application(email, "en"));
    Job job = confirmationJob(rmaNumber);

    greenMail.stop();
    try {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining(rmaNumber);
      Job retried = confirmationJob(rmaNumber);
      assertThat(retried.getRetries()).isPositive();
      assertThat(retried.getDuedate()).as("next attempt after a pause").isAfter(java.util.Date.from(TestClock.instant()));
      for (int attempt = 0; confirmationJob(rmaNumber).getRetries() > 0; attempt++) {
        assertThat(attempt).as("attempts before the incident").isLessThan(10);
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(NoticeDeliveryException.class);
      }
    } finally {
      greenMail.start();
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(driver.processInstanceId(rmaNumber)).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(Elements.CONFIRM_SUBMISSION);
    assertThat(incident.getIncidentMessage())
        .startsWith(rmaNumber + ", step \"")
        .contains("SUBMISSION_RECEIVED", "could not be sent")
        .doesNotContain(email);
    assertThat(caseFile.find(rmaNumber)).isPresent();
    assertThat(greenMail.getReceivedMessagesForDomain(email)).isEmpty();

    // What an owner's "retry" in Cockpit does, once the mail server is back.
    managementService.setJobRetries(job.getId(), 1);
    driver.runAsyncSteps(rmaNumber);

    assertThat(greenMail.getReceivedMessagesForDomain(email)).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(driver.processInstanceId(rmaNumber)).count()).isZero();
    assertThat(caseFile.timeline(rmaNumber)).filteredOn(entry -> entry.event().equals("NOTICE"))
        .extracting(entry -> entry.detail()).containsExactly("SUBMISSION_RECEIVED sent");
  }

  @Test
  void aStepRetriedAfterItsNoticeWentOutDoesNotSendItAgain() throws Exception {
    String email = "crash-" + UUID.randomUUID() + "@example.com";
    String rmaNumber = caseWithAllFacts(email, "en");
    StepKey key = new StepKey(UUID.randomUUID().toString());

    // The notice goes out, then the step fails and its transaction rolls back.
    transaction.executeWithoutResult(status -> {
      notifications.notify(rmaNumber, NoticeType.QUOTE, key);
      status.setRollbackOnly();
    });
    notifications.notify(rmaNumber, NoticeType.QUOTE, key);

    assertThat(greenMail.getReceivedMessagesForDomain(email)).hasSize(1);
    assertThat(caseFile.timeline(rmaNumber)).filteredOn(entry -> entry.event().equals("NOTICE"))
        .extracting(entry -> entry.detail()).containsExactly("QUOTE sent");
  }

  /** A case whose file holds every fact some notice reports. */
  private String caseWithAllFacts(String email, String locale) {
    String rmaNumber = submitRmaService.submit(application(email, locale));
    caseFile.recordShipInDeadlines(rmaNumber, SHIP_BY, AUTO_CLOSE);
    caseFile.recordProofRequested(rmaNumber, PROOF_DUE);
    caseFile.recordParcelCondition(rmaNumber, ParcelCondition.DAMAGED);
    caseFile.recordDiagnosis(rmaNumber, FaultCause.MANUFACTURING_DEFECT, RepairMethod.PART_REPLACEMENT,
        new BigDecimal("120.00"), new BigDecimal("30.50"));
    caseFile.recordWarrantyDecision(rmaNumber, new WarrantyDecision(Coverage.PAID, WarrantyBasis.INVOICE_DATE,
        LocalDate.parse("2024-03-02"), LocalDate.parse("2025-03-01"), "Warranty ended on 2025-03-01"));
    caseFile.recordQuote(rmaNumber, new Price(new BigDecimal("150.50"), new BigDecimal("19.57"), new BigDecimal("170.07"), "CNY"));
    caseFile.recordQuoteSent(rmaNumber, PAYMENT_DUE.minusMonths(1), PAYMENT_DUE);
    caseFile.recordPayment(rmaNumber, new RmaCase.Payment("PAY-778", new BigDecimal("170.07"), "CNY", PAYMENT_DUE.minusDays(3)));
    caseFile.recordReturnPlan(rmaNumber, Resolution.REPAIRED, true, "CUSTOMER");
    caseFile.recordReturnShipment(rmaNumber, "SF Express", "SF7788990011");
    caseFile.recordRefundApproved(rmaNumber, new RmaCase.Refund(RefundCause.COMPLAINT, new BigDecimal("170.07"), "CNY",
        rmaNumber));
    caseFile.recordRefund(rmaNumber, "RF-4411");
    CaseFileFixtures.closeQuietly(caseFile, clock, rmaNumber, Resolution.REPAIRED);
    return rmaNumber;
  }

  private static List<String> factsOf(NoticeType type, String locale, String rmaNumber) {
    boolean zh = locale.equals("zh");
    return switch (type) {
      case SUBMISSION_RECEIVED -> List.of(rmaNumber, "SN-MAIL-", "Does not power on");
      case ARRANGEMENT -> zh
          ? List.of("2026-03-13 10:00", "88 Service Road", rmaNumber, "备份", "密码", "原包装", "配件", "2026-03-25 10:00")
          : List.of("2026-03-13 10:00", "88 Service Road", rmaNumber, "Back up your data", "password",
              "original packaging", "no accessories", "2026-03-25 10:00");
      case SHIP_REMINDER -> List.of("2026-03-13 10:00", "88 Service Road", "2026-03-25 10:00");
      case CLOSED_NOT_RECEIVED -> List.of(rmaNumber, "15");
      case REJECTED_ON_ARRIVAL -> List.of(rmaNumber, zh ? "破损" : "damaged");
      case PROOF_REQUESTED -> List.of("2026-03-17 10:00", zh ? "序列号" : "serial number");
      case QUOTE -> List.of("150.50 CNY", "19.57 CNY", "170.07 CNY", "13%", "2026-04-10 10:00", "2025-03-01");
      case PAYMENT_RECEIVED -> List.of("170.07", "PAY-778");
      case SHIPPED_BACK -> List.of("SF Express", "SF7788990011", zh ? "配件" : "replaced parts");
      case REFUND -> List.of("RF-4411", "170.07 CNY", zh ? "投诉" : "complaint");
      case COMPLAINT_RECEIVED -> List.of(rmaNumber, "2");
      case COMPLAINT_ANSWERED -> List.of(rmaNumber, REPLY, "170.07 CNY");
      case CUSTOMER_LINK -> List.of(rmaNumber, zh ? "已失效" : "no longer opens it");
      case CASE_CLOSED -> List.of(rmaNumber, zh ? "设备已修复" : "your device was repaired", "2025-03-01");
    };
  }

  private Job confirmationJob(String rmaNumber) {
    return managementService.createJobQuery().processInstanceId(driver.processInstanceId(rmaNumber))
        .activityId(Elements.CONFIRM_SUBMISSION).singleResult();
  }

  private static RmaApplication application(String email, String locale) {
    return new RmaApplication(
        new Customer("Li Wei", email, "+86 138 0000 0000", locale,
            new Address("1 Nanjing Rd", "Shanghai", "Shanghai", "200001", "CN")),
        new RmaApplication.Product("X200", "SN-MAIL-" + UUID.randomUUID()),
        new RmaApplication.Purchase(SalesChannel.OFFICIAL_STORE, "INV-88", TestClock.today().minusMonths(2), null),
        new RmaApplication.Fault("Does not power on", "POWER"),
        Priority.MEDIUM, ServiceType.MAIL_IN, true, new RmaApplication.Acknowledgements(true, true));
  }
}
