package io.rmaflow.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster that start together on an empty PostgreSQL database would each create
 * the engine's tables, and all but one fail half-way. The engine's schema operations run
 * between {@code postInit} and {@code postProcessEngineBuild}; this plugin holds a
 * PostgreSQL advisory lock across them, so one node creates or upgrades the schema and the
 * others find it done. The lock belongs to its connection, so a node dying meanwhile frees it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SchemaCreationLock extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaCreationLock.class);

  /** Any number unique to this application among the advisory locks on its database. */
  static final long LOCK_KEY = 0x524d41_0001L;

  private Connection lockHolder;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try {
      Connection connection = configuration.getDataSource().getConnection();
      connection.setAutoCommit(true);
      lockHolder = connection;
      if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
        LOG.info("Another node is creating or upgrading the engine's schema; waiting for it");
        call(connection, "SELECT pg_advisory_lock(?) IS NOT NULL");
      }
    } catch (SQLException e) {
      release();
      throw new ProcessEngineException("Cannot take the schema lock on the database", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (lockHolder != null) {
      try {
        call(lockHolder, "SELECT pg_advisory_unlock(?)");
      } catch (SQLException e) {
        LOG.warn("Releasing the schema lock failed; closing its connection frees it: {}", e.getMessage());
      }
      release();
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, LOCK_KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private void release() {
    try {
      if (lockHolder != null) {
        lockHolder.close();
      }
    } catch (SQLException ignored) {
      // The pool discards a broken connection; the lock went with it.
    } finally {
      lockHolder = null;
    }
  }
}
