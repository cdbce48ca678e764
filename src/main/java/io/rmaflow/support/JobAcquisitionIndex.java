package io.rmaflow.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor's acquisition asks for the due jobs in due-date order
 * ({@code job-executor-acquire-by-due-date}), and every job has a due date
 * ({@code ensure-job-due-date-not-null}), so that the query is one range over
 * {@code ACT_RU_JOB.DUEDATE_}. The engine's schema has no index on that column: this adds one,
 * so that acquisition reads the first due jobs instead of every open case's future timers
 * (ADR 26). Jobs written before every job had a due date (by an earlier version, or with the
 * setting off) would be left out of that range; they are given the time of the start.
 */
@Component
public class JobAcquisitionIndex extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);
  static final String INDEX = "RMA_IDX_JOB_DUEDATE";
  /** Any key of this application's advisory locks not taken by another of its start-up steps. */
  static final long LOCK_KEY = 0x524d41_0003L;

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!configuration.isJobExecutorAcquireByDueDate() && !configuration.isEnsureJobDueDateNotNull()) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    try {
      EngineTableChanges.apply(configuration, LOCK_KEY, connection -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + table + " (DUEDATE_)");
        }
        if (configuration.isEnsureJobDueDateNotNull()) {
          giveDueDates(connection, table);
        }
      });
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot prepare the job table for acquisition by due date", e);
    }
  }

  private static void giveDueDates(Connection connection, String table) throws SQLException {
    // The application's clock, which is the engine's, as it stamps new jobs' due dates: the jobs are due now.
    Timestamp now = Timestamp.from(RmaClock.now(ZoneId.systemDefault()).toInstant());
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + table + " SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL")) {
      update.setTimestamp(1, now);
      int given = update.executeUpdate();
      if (given > 0) {
        LOG.info("{} jobs without a due date are due now, so that acquisition by due date finds them", given);
      }
    }
  }
}
