package io.rmaflow.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty PostgreSQL database of one test class, {@code rmaflow_it_<random>}, dropped on
 * close; the test reads it directly to check what the nodes left behind.
 */
public final class TestDatabase implements AutoCloseable {

  private final String name;
  private final SingleConnectionDataSource dataSource;

  private TestDatabase(String name) throws SQLException {
    this.name = name;
    this.dataSource = new SingleConnectionDataSource(PostgresServer.connect(name), true);
  }

  public static TestDatabase create() {
    String name = "rmaflow_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      return new TestDatabase(name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name, e);
    }
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

  @Override
  public void close() {
    dataSource.destroy();
    try (Connection server = PostgresServer.connect("postgres"); Statement statement = server.createStatement()) {
      // Nodes killed by a test may leave sessions behind until the server notices.
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
    }
  }
}
