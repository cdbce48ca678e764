package io.rmaflow.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * An empty PostgreSQL database of one test class, {@code rmaflow_it_<random>}, dropped on
 * close; the test reads it directly to check what the nodes left behind, on a connection of
 * its own per check (an outage test cuts the database's connections), and can take the
 * database away from its nodes for a while.
 */
public final class TestDatabase implements AutoCloseable {

  private final String name;
  private final AbstractDataSource dataSource;

  private TestDatabase(String name) {
    this.name = name;
    this.dataSource = new AbstractDataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return PostgresServer.connect(name);
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
      }
    };
  }

  public static TestDatabase create() {
    String name = "rmaflow_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name, e);
    }
    return new TestDatabase(name);
  }

  public String name() {
    return name;
  }

  public String url() {
    return PostgresServer.url(name);
  }

  /** One connection for the test's own checks, so they take turns. */
  public synchronized long count(String sql, Object... parameters) {
    return JdbcClient.create(dataSource).sql(sql).params(parameters).query(Long.class).single();
  }

  public synchronized int update(String sql, Object... parameters) {
    return JdbcClient.create(dataSource).sql(sql).params(parameters).update();
  }

  public synchronized List<String> strings(String sql, Object... parameters) {
    return JdbcClient.create(dataSource).sql(sql).params(parameters).query(String.class).list();
  }

  /**
   * The database goes away as for a restart of its server: it takes no new connection, and
   * every session on it ends. Other databases of the server are not touched.
   */
  public void disconnect() {
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement()) {
      statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
      statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the test database " + name + " away", e);
    }
  }

  /** Sessions that are still open on the database (none right after {@link #disconnect()}). */
  public long sessions() {
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "'")) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void reconnect() {
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement()) {
      statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot give the test database " + name + " back", e);
    }
  }

  @Override
  public void close() {
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement()) {
      // Nodes killed by a test may leave sessions behind until the server notices.
      statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
    }
  }
}
