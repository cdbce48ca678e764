package io.rmaflow.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The nodes of one test class and their database: started once for the class, stopped and
 * dropped after it whatever happened, and a failure names the nodes' last log lines.
 */
public final class Nodes implements AfterAllCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  private final List<AppNode> nodes = new ArrayList<>();
  private TestDatabase database;

  /** Creates an empty database and starts the named nodes on it at the same time. */
  public List<AppNode> start(Map<String, String> properties, Duration bound, String... names) {
    database = TestDatabase.create();
    for (String name : names) {
      nodes.add(new AppNode(name, database, properties));
    }
    nodes.forEach(AppNode::start);
    CompletableFuture.allOf(nodes.stream()
        .map(node -> CompletableFuture.runAsync(() -> node.awaitReady(bound))).toArray(CompletableFuture[]::new)).join();
    return List.copyOf(nodes);
  }

  public TestDatabase database() {
    return database;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (AppNode node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        node.kill();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withLogs(failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withLogs(failure);
  }

  private Throwable withLogs(Throwable failure) {
    StringBuilder logs = new StringBuilder(String.valueOf(failure.getMessage()));
    for (AppNode node : nodes) {
      logs.append("\n").append(node.tail(40));
    }
    return new AssertionError(logs.toString(), failure);
  }
}
