package io.rmaflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.notification.ReceivedMail;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.StepKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every contract notice in English and Chinese, by SMTP against a real mail server, with the
 * facts the customer needs. The contract runs from 2026-12-01 to 2027-11-30 at 100.00 CNY a
 * month net and is read on 2027-01-11: December (due on Saturday the 5th, 37 days late:
 * 2.09) and January (6 days late: 0.34) are owed, 228.43 CNY in all.
 */
@RmaSpringBootTest
class ContractNoticeMailTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2027-01-11T10:00:00+08:00");
  static final LocalDate DECEMBER_END = LocalDate.parse("2026-12-31");

  @Autowired GreenMail greenMail;
  @Autowired ContractRegistrationService registrations;
  @Autowired ContractNotices notices;
  @Autowired ContractFile contracts;
  @Autowired LifecycleDriver driver;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void fixClock() {
    driver.setClock(NOW.toInstant());
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  static List<Arguments> everyNoticeInEveryLanguage() {
    List<Arguments> arguments = new ArrayList<>();
    for (ContractNoticeType type : ContractNoticeType.values()) {
      arguments.add(Arguments.of(type, "en"));
      arguments.add(Arguments.of(type, "zh"));
    }
    return arguments;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyNoticeInEveryLanguage")
  void everyContractNoticeArrivesAsTextAndHtmlInTheCustomersLanguageWithItsFacts(ContractNoticeType type, String locale)
      throws Exception {
    String email = "contract-" + UUID.randomUUID() + "@example.com";
    String number = registrations.register(Contracts.registration(Contracts.customer(email, locale), ContractPlan.MAINTENANCE,
        List.of(Contracts.newUnit()), null, Billing.MONTHLY, LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"),
        "100.00", null), null).contractNumber();
    String reference = "PAY-" + number;
    if (type == ContractNoticeType.CONTRACT_PAYMENT_RECEIVED || type == ContractNoticeType.CONTRACT_PAYMENT_REFUSED) {
      ContractBilling.Balance balance = contracts.balance(number);
      contracts.recordPaymentReceived(number, reference, balance.due(), "CNY", balance.payable(), NOW.toLocalDate());
    }
    if (type == ContractNoticeType.CONTRACT_PAYMENT_REFUSED) {
      contracts.recordPaymentRefused(number, reference, "The amount has not reached our account");
    }
    if (type == ContractNoticeType.CONTRACT_EXTENSION_DECIDED) {
      contracts.recordExtensionRequest(number, LocalDate.parse("2028-01-31"), "Budget approved in January");
      contracts.recordExtensionDecision(number, true, LocalDate.parse("2028-01-31"));
    }

    notices.send(new StepKey(UUID.randomUUID().toString()), number, type, DECEMBER_END, reference);

    ReceivedMail.assertNotice(ReceivedMail.single(greenMail, email), email, number, locale, factsOf(type, locale, number));
    assertThat(contracts.timeline(number)).filteredOn(entry -> entry.event().equals("NOTICE"))
        .extracting(ContractTimelineEntry::detail).containsExactly(type.name() + " sent");
  }

  @Test
  void anUnreachableMailServerMeansRetriesThenAnIncidentNamingTheContractAndRecoverySendsExactlyOnce() {
    String email = "contract-outage-" + UUID.randomUUID() + "@example.com";
    String number = registrations.register(Contracts.registration(Contracts.customer(email, "en"), ContractPlan.MAINTENANCE,
        List.of(Contracts.newUnit()), null, Billing.MONTHLY, LocalDate.parse("2027-01-11"), LocalDate.parse("2027-12-31"),
        "100.00", null), null).contractNumber();
    Job confirmation = managementService.createJobQuery().processInstanceId(driver.processInstanceId(number))
        .activityId(ContractProcess.Elements.CONFIRM_REGISTRATION).singleResult();

    greenMail.stop();
    try {
      for (int attempt = 0; jobRetries(confirmation) > 0; attempt++) {
        assertThat(attempt).as("attempts before the incident").isLessThan(10);
        assertThatThrownBy(() -> managementService.executeJob(confirmation.getId())).hasMessageContaining(number);
      }
    } finally {
      greenMail.start();
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(driver.processInstanceId(number)).singleResult();
    assertThat(incident.getIncidentMessage()).startsWith(number + ", step \"Confirm registration\"")
        .contains("CONTRACT_REGISTERED", "could not be sent").doesNotContain(email);
    assertThat(greenMail.getReceivedMessagesForDomain(email)).isEmpty();

    managementService.setJobRetries(confirmation.getId(), 1);
    driver.runAsyncSteps(number);

    assertThat(greenMail.getReceivedMessagesForDomain(email)).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(driver.processInstanceId(number)).count()).isZero();
    assertThat(contracts.timeline(number)).filteredOn(entry -> entry.event().equals("NOTICE"))
        .extracting(ContractTimelineEntry::detail).containsExactly("CONTRACT_REGISTERED sent");
  }

  private int jobRetries(Job job) {
    return managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  private static List<String> factsOf(ContractNoticeType type, String locale, String number) {
    boolean zh = locale.equals("zh");
    return switch (type) {
      case CONTRACT_REGISTERED -> List.of(number, "2026-12-01", "2027-11-30", "228.43 CNY", "2027-02-10 10:00",
          zh ? "不含税" : "exclude tax");
      case CONTRACT_PAYMENT_RECEIVED -> List.of("228.43 CNY", "PAY-" + number, zh ? "10 个工作日" : "10 working days");
      case CONTRACT_PAYMENT_REFUSED -> List.of("228.43 CNY", "PAY-" + number, "The amount has not reached our account");
      case CONTRACT_ACTIVE -> List.of(number, "2027-11-30");
      case CONTRACT_PERIOD_DUE -> List.of("2026-12-01", "2026-12-31", "113.00 CNY", "2026-12-05", zh ? "星期六" : "Saturday",
          "228.43 CNY");
      case CONTRACT_PERIOD_OVERDUE -> List.of("2026-12-01", "2026-12-31", "113.00 CNY", "2026-12-05", "2.09 CNY", "0.05",
          "228.43 CNY");
      case CONTRACT_SUSPENDED -> List.of(number, "228.43 CNY");
      case CONTRACT_RENEWAL_REMINDER -> List.of(number, "2027-11-30");
      case CONTRACT_EXTENSION_DECIDED -> List.of(number, "2028-01-31");
      case CONTRACT_ENDED -> List.of(number, zh ? "已终止" : "has ended");
      case CONTRACT_EXPIRED -> List.of(number, "2027-11-30", zh ? "已到期" : "has expired");
      case CONTRACT_CANCELLED_UNPAID -> List.of(number, "2027-02-10 10:00");
    };
  }
}
