package io.rmaflow.support;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, for the readiness probe (ADR 23). In place of Spring Boot's
 * {@code db} check, which borrows from the same pool as the requests: under load it would wait
 * for a connection, time out and report the node not ready, and a load balancer taking busy
 * nodes out would take the service down. A pool whose connections are all at work and in
 * demand is talking to its database; only a pool that cannot get a connection is not.
 */
@Component("databaseHealthIndicator")
public class DatabaseHealth implements HealthIndicator {

  private static final int VALIDATION_SECONDS = 2;

  private final DataSource dataSource;

  public DatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Health health() {
    HikariPoolMXBean pool = pool();
    if (pool != null && pool.getActiveConnections() > 0 && pool.getIdleConnections() == 0
        && pool.getThreadsAwaitingConnection() > 0) {
      return Health.up().withDetail("pool", "busy").build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALIDATION_SECONDS) ? Health.up().build() : Health.down().build();
    } catch (SQLException e) {
      // The class only: a driver's message may name hosts and users.
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }

  private HikariPoolMXBean pool() {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean() : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
