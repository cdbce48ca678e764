package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

class DatabaseHealthTest {

  @Test
  void aDatabaseThatAnswersIsUpAndOneWithoutConnectionsIsDownNamingOnlyTheFailuresClass() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:database-health");
    assertThat(new DatabaseHealth(h2).health().getStatus()).isEqualTo(Status.UP);

    var away = new AbstractDataSource() {
      @Override
      public Connection getConnection() throws SQLTransientConnectionException {
        throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available; user rmaflow at db.example");
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLTransientConnectionException {
        return getConnection();
      }
    };
    var health = new DatabaseHealth(away).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsOnly(java.util.Map.entry("error", "SQLTransientConnectionException"));
  }
}
