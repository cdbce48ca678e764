package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RmaSpringBootTest
class JobAcquisitionIndexTest {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired LifecycleDriver driver;
  @Autowired SubmitRmaService submit;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theJobExecutorTakesDueJobsInDueDateOrderThroughAnIndexOnTheDueDate() throws SQLException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(indexesOn("ACT_RU_JOB")).contains(JobAcquisitionIndex.INDEX.toLowerCase(Locale.ROOT));
  }

  @Test
  void aNewCasesFirstStepIsDueAtOnceAndAcquiredByTheJobExecutor() {
    String instance = driver.processInstanceId(submit.submit(Applications.withInvoice(TestClock.today().minusMonths(1))));

    List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).list();
    assertThat(jobs).isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    assertThat(acquirable()).contains(asyncStep(instance).getId());
  }

  @Test
  void aJobWrittenWithoutADueDateIsGivenOneAtTheStartSoThatAcquisitionStillFindsIt() {
    String instance = driver.processInstanceId(submit.submit(Applications.withInvoice(TestClock.today().minusMonths(1))));
    Job step = asyncStep(instance);
    jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?", step.getId());
    assertThat(acquirable()).doesNotContain(step.getId());

    new JobAcquisitionIndex().postProcessEngineBuild(engine);

    assertThat(managementService.createJobQuery().jobId(step.getId()).singleResult().getDuedate()).isNotNull();
    assertThat(acquirable()).contains(step.getId());
  }

  private Job asyncStep(String instance) {
    return managementService.createJobQuery().processInstanceId(instance).messages().singleResult();
  }

  /** The ids the job executor's own acquisition query returns now, without locking them. */
  private List<String> acquirable() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<AcquirableJobEntity> jobs = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 10_000)));
    return jobs.stream().map(AcquirableJobEntity::getId).toList();
  }

  private List<String> indexesOn(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String spelling : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet indexes = metaData.getIndexInfo(null, null, spelling, false, false)) {
          while (indexes.next()) {
            String name = indexes.getString("INDEX_NAME");
            if (name != null) {
              names.add(name.toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }
}
