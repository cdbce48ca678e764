package io.rmaflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.rmacase.CaseFile;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RmaSpringBootTest
class HistoryCleanupTest {

  @Autowired LifecycleDriver driver;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired CaseFile cases;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void historyCleanupRunsAtNightInBatchesAndRemovesTheHistoryOfCasesEndedLongerAgoThanTheirTimeToLive() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getHistoryCleanupBatchSize()).isEqualTo(500);
    // A case's history is given its removal time when the case ends, so a running case's has none (ADR 26).
    assertThat(engine.getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);

    // Ended more than the model's time to live (365 days) ago ...
    driver.setClock(TestClock.instant().minusSeconds(400L * 24 * 3600));
    String old = driver.submit(Applications.withInvoice(TestClock.today().minusDays(420))).getBusinessKey();
    driver.complete(old, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "RESOLVED"));
    String oldInstance = driver.processInstanceId(old);
    driver.resetClock();
    // ... and just now.
    String recent = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(1))).getBusinessKey();
    driver.complete(recent, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "RESOLVED"));
    String recentInstance = driver.processInstanceId(recent);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(oldInstance).count()).isPositive();

    Job cleanup = historyService.cleanUpHistoryAsync(true);
    for (int run = 0; historyService.createHistoricProcessInstanceQuery().processInstanceId(oldInstance).count() > 0; run++) {
      assertThat(run).as("cleanup runs until the old case's history is gone").isLessThan(20);
      managementService.executeJob(cleanup.getId());
    }

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(oldInstance).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(oldInstance).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(recentInstance).count()).isOne();
    // The case record is ours: it stays, and its personal data goes by the retention period.
    assertThat(cases.find(old)).isPresent();
  }

  @Test
  void theHistoryOfACaseStillOpenIsKeptHoweverLongAgoItWasFiled() {
    // Filed longer ago than the model's time to live (365 days), and still waiting for the desk.
    driver.setClock(TestClock.instant().minusSeconds(400L * 24 * 3600));
    String open = driver.submit(Applications.withInvoice(TestClock.today().minusDays(420))).getBusinessKey();
    String openInstance = driver.processInstanceId(open);
    driver.resetClock();
    long activities = historyService.createHistoricActivityInstanceQuery().processInstanceId(openInstance).count();
    long variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(openInstance).count();
    assertThat(activities).isPositive();

    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(openInstance).count()).isOne();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(openInstance).count()).isEqualTo(activities);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(openInstance).count()).isEqualTo(variables);
    assertThat(driver.task(open, UserTask.REMOTE_DIAGNOSIS)).isNotNull();
  }
}
