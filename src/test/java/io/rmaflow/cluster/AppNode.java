package io.rmaflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One node of RMA Flow: the packaged jar in a JVM of its own, profile {@code postgres}, on a
 * port it picks itself, its output in {@code target/it-nodes/}. Killing it is a real crash:
 * no shutdown hook runs, its locks and connections stay until the database lets them go.
 */
public final class AppNode implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "it-nodes");
  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  private final String name;
  private final TestDatabase database;
  private final Map<String, String> properties;
  private Process process;
  private Path log;
  private int starts;
  private volatile int port;

  public AppNode(String name, TestDatabase database, Map<String, String> properties) {
    this.name = name;
    this.database = database;
    this.properties = new LinkedHashMap<>(properties);
  }

  public String name() {
    return name;
  }

  public synchronized void start() {
    List<String> command = new ArrayList<>(List.of(javaCommand(),
        // A short-lived test node: quick start matters more than peak speed on a small machine.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
        // In the test JVM's time zone, so the nodes too prove that nothing of theirs takes the JVM's.
        "-Duser.timezone=" + java.util.TimeZone.getDefault().getID(),
        "-jar", jar().toString(), "--server.port=0"));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    // The job log is the test's witness of which node ran which job, and how often. It exists
    // only at history level full, so test nodes record it; the shipped level is audit (ADR 14),
    // and history never decides what the engine does.
    command.add("--camunda.bpm.history-level=full");
    command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    // Only what a node of this test is given: no datasource or mail server from the caller's shell.
    environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("RMA_") || key.startsWith("CAMUNDA_"));
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    environment.put("RMA_DB_URL", database.url());
    environment.put("RMA_DB_USER", PostgresServer.USER);
    environment.put("RMA_DB_PASSWORD", PostgresServer.PASSWORD);
    // Two nodes, the test's own connection and the colleagues' builds share one server.
    environment.put("RMA_DB_POOL_SIZE", "12");
    try {
      Files.createDirectories(LOGS);
      log = LOGS.resolve("%s-%s-%d.log".formatted(database.name(), name, ++starts));
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      port = 0;
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
  }

  /** Waits until the node says it is ready for traffic: started, and its start-up work done. */
  public void awaitReady(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped while starting (exit " + process.exitValue() + ")\n" + tail(60));
      }
      if (port == 0) {
        port = portFromLog();
      }
      if (port != 0) {
        try {
          HttpResponse<String> health = http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/api/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("UP")) {
            return;
          }
        } catch (IOException e) {
          // not serving yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Node " + name + " not ready within " + bound + "\n" + tail(60));
      }
      pause(Duration.ofMillis(250));
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: the node gets no chance to finish anything. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitForExit();
    }
  }

  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of this start's output, for a failure message. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of " + log + " ---\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(no output of " + name + ": " + e.getMessage() + ")";
    }
  }

  /** Every line of every start of this node that matches, for checks on what it logged. */
  public List<String> logLines(Pattern pattern) {
    List<String> matching = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      Path file = LOGS.resolve("%s-%s-%d.log".formatted(database.name(), name, i));
      try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
        lines.filter(line -> pattern.matcher(line).find()).forEach(matching::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return matching;
  }

  private int portFromLog() {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines.map(STARTED::matcher).filter(Matcher::find).findFirst().map(m -> Integer.parseInt(m.group(1))).orElse(0);
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("rma-flow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify, which packages first"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void pause(Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
