package io.rmaflow.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The app's own additions to the engine's tables (an index, planner statistics), made at start
 * in one transaction. On PostgreSQL nodes starting together take turns through an advisory lock,
 * so that one adds the object and the others find it there.
 */
public final class EngineTableChanges {

  /** The work, on the transaction's connection. */
  @FunctionalInterface
  public interface Change {
    void apply(Connection connection) throws SQLException;
  }

  private EngineTableChanges() {}

  /**
   * Runs {@code change} and commits it, or rolls it back and throws. {@code lockKey} is the
   * change's own among the application's advisory locks: another key may still be held by this
   * node on another connection ({@link SchemaCreationLock}).
   */
  public static void apply(ProcessEngineConfigurationImpl configuration, long lockKey, Change change)
      throws SQLException {
    try (Connection connection = configuration.getDataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        if ("postgres".equals(configuration.getDatabaseType())) {
          try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            lock.execute();
          }
        }
        change.apply(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
