package io.rmaflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the integration tests create their databases on: 127.0.0.1:5432 as
 * {@code postgres} unless {@code RMA_IT_PG_HOST}, {@code RMA_IT_PG_PORT}, {@code RMA_IT_PG_USER}
 * and {@code RMA_IT_PG_PASSWORD} say otherwise. Without a server, a developer's
 * {@code ./mvnw verify} still passes and says which tests did not run and how to run them;
 * in CI ({@code CI=true}) those tests fail, so they never go missing unnoticed.
 */
public final class PostgresServer implements ExecutionCondition, BeforeAllCallback {

  public static final String HOST = setting("RMA_IT_PG_HOST", "127.0.0.1");
  public static final String PORT = setting("RMA_IT_PG_PORT", "5432");
  public static final String USER = setting("RMA_IT_PG_USER", "postgres");
  public static final String PASSWORD = setting("RMA_IT_PG_PASSWORD", "");

  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
  private static volatile Optional<String> unreachable;

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  public static Connection connect(String database) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", USER);
    login.setProperty("password", PASSWORD);
    login.setProperty("connectTimeout", "3");
    login.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(url(database), login);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> problem = unreachable();
    if (problem.isEmpty()) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + HOST + ":" + PORT);
    }
    if (isCi()) {
      return ConditionEvaluationResult.enabled("CI: runs, and fails without PostgreSQL");
    }
    String message = explanation(context, problem.get(), "skipped");
    if (ANNOUNCED.add(context.getRequiredTestClass().getName())) {
      System.out.println(message);
    }
    return ConditionEvaluationResult.disabled(message);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    unreachable().ifPresent(problem -> {
      throw new IllegalStateException(explanation(context, problem, "failed, because CI=true requires it"));
    });
  }

  private static String explanation(ExtensionContext context, String problem, String outcome) {
    String test = context.getRequiredTestClass().getSimpleName();
    return "%s needs a PostgreSQL server at %s:%s (user %s), which did not answer: %s. %s %s. "
        .formatted(test, HOST, PORT, USER, problem, test, outcome)
        + "To run it: start PostgreSQL (any user that may create databases; trust or RMA_IT_PG_PASSWORD), e.g. "
        + "`pg_ctlcluster 15 main start`, then `./mvnw verify -Dit.test=" + test + "`, or `./mvnw verify` for every "
        + "PostgreSQL test. Another server: RMA_IT_PG_HOST, RMA_IT_PG_PORT, RMA_IT_PG_USER, RMA_IT_PG_PASSWORD.";
  }

  private static Optional<String> unreachable() {
    Optional<String> known = unreachable;
    if (known == null) {
      try (Connection ignored = connect("postgres")) {
        known = Optional.empty();
      } catch (SQLException e) {
        known = Optional.of(String.valueOf(e.getMessage()).lines().findFirst().orElse("no answer").replaceAll("\\.+$", ""));
      }
      unreachable = known;
    }
    return known;
  }

  private static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
