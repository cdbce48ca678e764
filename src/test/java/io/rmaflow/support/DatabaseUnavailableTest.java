package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

  @Test
  void aPoolWithoutConnectionsASessionEndedByTheServerAndABrokenSocketAreTheDatabaseBeingAway() {
    assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms")))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
        new PersistenceException(new PSQLException("An I/O error occurred while sending to the backend.",
            PSQLState.CONNECTION_FAILURE_DURING_TRANSACTION, new SocketException("Broken pipe")))))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("flush failed",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
  }

  @Test
  void aRefusedStatementAConflictAndAnEngineRefusalAreNot() {
    assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
        new PersistenceException(new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION)))))
        .isFalse();
    assertThat(DatabaseUnavailable.isCause(new OptimisticLockingException("changed meanwhile"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("Cannot find task with id 42"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException("mail server unreachable", new java.net.ConnectException("refused"))))
        .as("a socket of another server").isFalse();
  }
}
