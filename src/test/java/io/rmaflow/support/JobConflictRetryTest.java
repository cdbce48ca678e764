package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job that lost to a concurrent change of its case is released to run again at once, keeping
 * its retries; a real failure, and a conflict that keeps coming back, get the engine's retry
 * strategy with its pauses.
 */
@RmaSpringBootTest
class JobConflictRetryTest {

  @Autowired LifecycleDriver driver;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcClient jdbc;

  @Test
  void aJobThatLostAnOptimisticLockIsReleasedAtOnceWithItsRetriesUntouched() {
    Job job = aJobOfANewCase();
    lockedByAnotherNode(job);

    fail(job, new OptimisticLockingException("the case changed meanwhile"));

    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(lockOwner(job)).as("free for the job executor").isNull();
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
    assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(after.getExceptionMessage()).isNull();
  }

  @Test
  void aJobThatFailedBecauseTheDatabaseWentAwayIsReleasedOnceItIsBackWithItsRetriesUntouched() {
    Job job = aJobOfANewCase();
    lockedByAnotherNode(job);

    fail(job, new ProcessEngineException("An exception occurred in the persistence layer.",
        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms")));

    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(lockOwner(job)).as("free for the job executor").isNull();
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
    assertThat(after.getExceptionMessage()).isNull();
  }

  @Test
  void aConflictThatKeepsComingBackAndARealFailureWaitForTheEnginesRetryInterval() {
    Job conflicted = aJobOfANewCase();
    for (int i = 0; i < JobConflictRetry.IMMEDIATE_ATTEMPTS; i++) {
      fail(conflicted, new OptimisticLockingException("again"));
    }
    fail(conflicted, new OptimisticLockingException("and again"));
    Job waiting = managementService.createJobQuery().jobId(conflicted.getId()).singleResult();
    assertThat(waiting.getDuedate()).as("the first interval of failed-job-retry-time-cycle, PT1M")
        .isAfterOrEqualTo(Date.from(TestClock.instant().plus(Duration.ofSeconds(59))));
    assertThat(waiting.getRetries()).as("a conflict never uses up retries").isEqualTo(conflicted.getRetries());

    Job failing = aJobOfANewCase();
    fail(failing, new ProcessEngineException("the mail server refused"));
    Job retried = managementService.createJobQuery().jobId(failing.getId()).singleResult();
    assertThat(retried.getExceptionMessage()).isEqualTo("the mail server refused");
    assertThat(retried.getDuedate()).isAfter(Date.from(TestClock.instant().plus(Duration.ofSeconds(59))));
  }

  private Job aJobOfANewCase() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    // Any job of the case will do; its response timer is there from the start.
    return driver.timer(rma, RmaProcess.Elements.RESPONSE_SLA_TIMER);
  }

  private void lockedByAnotherNode(Job job) {
    jdbc.sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'node-b', LOCK_EXP_TIME_ = ? WHERE ID_ = ?")
        .params(Date.from(TestClock.instant().plus(Duration.ofMinutes(5))), job.getId()).update();
  }

  private String lockOwner(Job job) {
    return jdbc.sql("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE ID_ = ?").param(job.getId())
        .query((row, n) -> java.util.Optional.ofNullable(row.getString(1))).single().orElse(null);
  }

  /** What the job executor does after a job failed: the failed-job command, in a transaction of its own. */
  private void fail(Job job, Throwable failure) {
    engine.getCommandExecutorTxRequired().execute(engine.getFailedJobCommandFactory().getCommand(job.getId(), failure));
  }
}
