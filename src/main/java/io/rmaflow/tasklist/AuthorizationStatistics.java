package io.rmaflow.tasklist;

import io.rmaflow.support.EngineTableChanges;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every open task has its own authorization row (ADR 6), and the engine's authorized task
 * query selects the user's rows with {@code PERMS_ & 2 = 2}. PostgreSQL keeps no statistics
 * for such an expression and guesses that 0.5 % of the rows match, so with thousands of open
 * tasks it plans the join with the tasks as a nested loop over a scan of every authorization:
 * quadratic, and with 100,000 open tasks Tasklist's list request ran for more than ten
 * minutes. Statistics on the permission bits the task query checks let the planner see how
 * many rows match; with the {@code postgres} profile's session options (custom plans, page
 * costs for data in memory) it then probes the authorizations' index per task (ADR 9).
 */
@Component
public class AuthorizationStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  public static final String NAME = "rma_authorization_permission_bits";

  /** Nodes starting together must not create the same object twice; any key of this application's. */
  static final long LOCK_KEY = 0x524d41_0002L;

  /** The two permissions of the task query: READ on the task, READ_TASK on its process definition. */
  static final String CREATE = "CREATE STATISTICS " + NAME + " ON (PERMS_ & " + Permissions.READ.getValue() + "), (PERMS_ & "
      + ProcessDefinitionPermissions.READ_TASK.getValue() + ") FROM ACT_RU_AUTHORIZATION";

  /** Expression statistics came with PostgreSQL 14. */
  static final int FIRST_SERVER_VERSION = 140000;

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try {
      EngineTableChanges.apply(configuration, LOCK_KEY, AuthorizationStatistics::ensureStatistics);
    } catch (SQLException e) {
      // Only a login that owns the engine's tables may create them; the app runs without, slower.
      LOG.warn("Cannot create the planner statistics of the authorizations ({}): Tasklist's lists slow down"
          + " quadratically with the number of open tasks. As the owner of the engine's tables, run: {}; ANALYZE"
          + " ACT_RU_AUTHORIZATION (ADR 9)", e.getMessage(), CREATE);
    }
  }

  private static void ensureStatistics(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (serverVersion(statement) < FIRST_SERVER_VERSION) {
        LOG.warn("PostgreSQL before 14 keeps no statistics on expressions: Tasklist's lists slow down"
            + " quadratically with the number of open tasks. Upgrade the server (see README).");
        return;
      }
      try (ResultSet existing = statement.executeQuery(
          "SELECT 1 FROM pg_statistic_ext WHERE stxname = '" + NAME + "'")) {
        if (existing.next()) {
          return;
        }
      }
      statement.execute(CREATE);
      // Filled by the next ANALYZE; on a database that already has many tasks, that is now.
      statement.execute("ANALYZE ACT_RU_AUTHORIZATION");
      LOG.info("Created the planner statistics {} on the engine's authorizations", NAME);
    }
  }

  private static int serverVersion(Statement statement) throws SQLException {
    try (ResultSet version = statement.executeQuery("SHOW server_version_num")) {
      version.next();
      return Integer.parseInt(version.getString(1));
    }
  }
}
