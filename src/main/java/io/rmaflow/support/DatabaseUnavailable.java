package io.rmaflow.support;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a failure of the database connection (the server restarting, a network cut, the pool
 * finding no connection in time) from a failure of what was asked. Such a failure rolled the
 * work back whole and says nothing about the request or the job: callers get {@code 503}, and
 * jobs run again once the database is back without using up their retries.
 */
public final class DatabaseUnavailable {

  /** Seconds a caller is told to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {
  }

  public static boolean isCause(Throwable failure) {
    // A broken socket counts only under a database failure: a mail server's would be another matter.
    boolean underDatabase = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof DataAccessResourceFailureException
          || underDatabase && (cause instanceof ConnectException || cause instanceof SocketException)) {
        return true;
      }
      underDatabase |= cause instanceof SQLException || cause instanceof DataAccessException
          || cause instanceof org.apache.ibatis.exceptions.PersistenceException;
      // The pool's answer for a connection it closed under the statement (a rollback after the cut).
      if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState())
          || String.valueOf(sql.getMessage()).startsWith("Connection is closed"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01-57P03 (the server shut
   * down or terminated the session, or does not take connections yet).
   */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
  }
}
