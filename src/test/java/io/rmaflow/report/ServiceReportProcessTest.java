package io.rmaflow.report;

import static io.rmaflow.report.ReportProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.rmaflow.CoversProcess;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.contract.Billing;
import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractRegistration;
import io.rmaflow.contract.ContractRegistrationService;
import io.rmaflow.contract.ContractTimelineEntry;
import io.rmaflow.contract.Contracts;
import io.rmaflow.contract.OutageService;
import io.rmaflow.process.LifecycleDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of {@code service-report}: the hourly run fired by hand at chosen centre
 * times around May 2050, whose 1st is a Sunday, so April's reports are due on Monday the 2nd
 * at 09:00. No other test has a contract serving in April 2050.
 */
@RmaSpringBootTest
@CoversProcess(ReportProcess.KEY)
class ServiceReportProcessTest {

  static final YearMonth APRIL = YearMonth.parse("2050-04");

  @Autowired LifecycleDriver driver;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ContractRegistrationService registrations;
  @Autowired OutageService outages;
  @Autowired ContractFile contracts;
  @Autowired ServiceReportService reports;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void beforeTheFirstWorkingDaysReportTimeARunFindsNoReportDue() {
    for (String moment : List.of("2050-05-01T12:00:00+08:00", "2050-05-02T08:59:00+08:00")) {
      HistoricProcessInstance run = runAt(moment);

      assertThat(run.getEndActivityId()).isEqualTo(END_NO_REPORT_DUE);
    }
  }

  @Test
  void onTheFirstWorkingDayEveryContractServingLastMonthIsReportedOnceAndAMonthBelowTargetIsReviewed() {
    driver.setClock(OffsetDateTime.parse("2050-04-05T10:00:00+08:00").toInstant());
    String maintenance = movedOver(ContractPlan.MAINTENANCE, null);
    String support = movedOver(ContractPlan.SUPPORT, "Order desk");
    // Four hours down on the 20th: 240 of 43200 minutes, 99.444 %, below the 99.5 % promised.
    driver.setClock(OffsetDateTime.parse("2050-04-21T10:00:00+08:00").toInstant());
    outages.report(support, OffsetDateTime.parse("2050-04-20T08:00:00+08:00"),
        OffsetDateTime.parse("2050-04-20T12:00:00+08:00"), "Database failover");

    HistoricProcessInstance run = runAt("2050-05-02T09:00:00+08:00");
    driver.runAsyncStepsOf(run.getId());

    assertThat(runtimeService.getVariable(run.getId(), ReportProcess.Variables.REPORT_MONTH.name())).isEqualTo("2050-04");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).singleResult();
    assertThat(instance).hasPassed(CLAIM_DUE_REPORTS, COMPILE_REPORT, SEND_REPORT, END_TARGETS_MET)
        .isWaitingAt(ReportProcess.UserTask.REVIEW_SERVICE_REPORT.id());
    assertThat(reports.find(maintenance, APRIL).belowTarget()).isFalse();
    ServiceReport below = reports.find(support, APRIL);
    assertThat(below.belowTarget()).isTrue();
    assertThat(below.availability().actual()).isEqualByComparingTo("99.444");
    assertThat(below.shortfalls()).containsExactly("availability 99.444 % below the target of 99.5 %");
    Task review = taskService.createTaskQuery().processInstanceId(run.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ReportProcess.UserTask.REVIEW_SERVICE_REPORT.id());
    assertThat(taskService.getVariable(review.getId(), "contractNumber")).isEqualTo(support);
    assertThat(review.getDueDate()).isNotNull();

    taskService.complete(review.getId(),
        Map.of(ReportProcess.Variables.REVIEW_NOTE.name(), "Failover took too long; the standby database is now warm"));

    assertThat(instance).isEnded().hasPassed(RECORD_REVIEW, END_REPORT_REVIEWED, END_REPORTS_MADE);
    assertThat(timeline(support)).contains("2050-04: CONTRACT_MONTHLY_REPORT sent",
        "2050-04 reviewed: Failover took too long; the standby database is now warm");
    assertThat(timeline(maintenance)).contains("2050-04: every target met", "2050-04: CONTRACT_MONTHLY_REPORT sent");
    assertThat(runAt("2050-05-02T10:00:00+08:00").getEndActivityId()).as("an hour later").isEqualTo(END_NO_REPORT_DUE);
  }

  /** Fires the hourly run at that centre time and answers its instance. */
  private HistoricProcessInstance runAt(String moment) {
    driver.setClock(OffsetDateTime.parse(moment).toInstant());
    List<String> before = runs().stream().map(HistoricProcessInstance::getId).toList();
    Job timer = managementService.createJobQuery().processDefinitionKey(ReportProcess.KEY).timers().singleResult();
    managementService.executeJob(timer.getId());
    return runs().stream().filter(run -> !before.contains(run.getId())).findFirst().orElseThrow();
  }

  private List<HistoricProcessInstance> runs() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).list();
  }

  /** Moved over with April paid: in service through the month. */
  private String movedOver(ContractPlan plan, String system) {
    return registrations.register(new ContractRegistration(Contracts.customer("report-" + plan + "@example.com", "en"), plan,
        List.of(Contracts.newUnit()), system, LocalDate.parse("2050-04-01"), LocalDate.parse("2051-03-31"), Billing.MONTHLY,
        new ContractRegistration.Fee(new BigDecimal("100.00"), "CNY"), null, LocalDate.parse("2050-04-30")), null)
        .contractNumber();
  }

  private List<String> timeline(String contractNumber) {
    return contracts.timeline(contractNumber).stream().map(ContractTimelineEntry::detail).toList();
  }
}
