package io.rmaflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives cases over HTTP on the nodes of a cluster, as shop portals and staff do: the domain
 * API as {@code portal}, staff tasks through the engine REST API with the staff member's
 * login, and due timers through the engine REST API as {@code admin}, as Cockpit does.
 * Every server error any node answered is kept for the test's final check.
 */
public final class ClusterClient {

  public static final String PORTAL = "portal";
  public static final String ADMIN = "admin";
  /** What a timer's due date is set to, to make it due now. */
  private static final String PAST = "2000-01-01T00:00:00.000+0000";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AppNode> nodes;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final List<ServerError> serverErrors = Collections.synchronizedList(new ArrayList<>());
  private final Duration bound;
  private final AtomicInteger unreachable = new AtomicInteger();
  private volatile boolean failover;

  public ClusterClient(List<AppNode> nodes, Duration bound) {
    this.nodes = nodes;
    this.bound = bound;
  }

  /** An answer: the HTTP status and the JSON body (missing when there was none). */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    public String problemType() {
      return body.path("type").asText();
    }
  }

  /** The node could not be reached, or the connection broke before an answer came. */
  public static final class NodeUnreachable extends RuntimeException {
    NodeUnreachable(String node, IOException cause) {
      super("node " + node + " unreachable: " + cause, cause);
    }
  }

  private record ServerError(String call, Answer answer) {
    @Override
    public String toString() {
      return call + ": " + answer.status() + " " + answer.body();
    }
  }

  /** Every 5xx answer of any node. */
  public List<String> serverErrors() {
    synchronized (serverErrors) {
      return serverErrors.stream().map(ServerError::toString).toList();
    }
  }

  public AppNode node(int index) {
    return nodes.get(Math.floorMod(index, nodes.size()));
  }

  public int size() {
    return nodes.size();
  }

  /**
   * Calls that are safe to repeat (reads, PUTs, submissions under an idempotency key) go to
   * the next node when one cannot be reached, as a load balancer would send them; after a
   * node's crash a caller sees no failure for them.
   */
  public ClusterClient failingOver() {
    failover = true;
    return this;
  }

  public int unreachableAnswers() {
    return unreachable.get();
  }

  public Answer call(int node, String login, String method, String path, Object body, Map<String, String> headers) {
    boolean repeatable = !method.equals("POST") || headers.containsKey("Idempotency-Key");
    for (int attempt = 0; ; attempt++) {
      try {
        return callOnce(node + attempt, login, method, path, body, headers);
      } catch (NodeUnreachable e) {
        unreachable.incrementAndGet();
        if (!failover || !repeatable || attempt >= 40) {
          throw e;
        }
        if (attempt % nodes.size() == nodes.size() - 1) {
          AppNode.pause(Duration.ofMillis(250));
        }
      }
    }
  }

  private Answer callOnce(int node, String login, String method, String path, Object body, Map<String, String> headers) {
    AppNode target = node(node);
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json");
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
      Answer answer = new Answer(response.statusCode(), json);
      if (response.statusCode() >= 500) {
        serverErrors.add(new ServerError("%s %s %s on %s".formatted(login, method, path, target.name()), answer));
      }
      return answer;
    } catch (IOException e) {
      throw new NodeUnreachable(target.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Answer get(int node, String login, String path) {
    return call(node, login, "GET", path, null, Map.of());
  }

  public Answer post(int node, String login, String path, Object body) {
    return call(node, login, "POST", path, body, Map.of());
  }

  // --- steps of a case ---------------------------------------------------------------------

  public JsonNode caseOf(int node, String rma) {
    Answer answer = get(node, PORTAL, "/api/rmas/" + rma);
    if (answer.status() != 200) {
      throw new AssertionError("GET case " + rma + " answered " + answer);
    }
    return answer.body();
  }

  /** Polls, bounded, until the case has one of these statuses. */
  public JsonNode awaitStatus(int node, String rma, String... statuses) {
    List<String> wanted = List.of(statuses);
    return await("status " + wanted + " of " + rma, () -> {
      JsonNode rmaCase = caseOf(node, rma);
      return wanted.contains(rmaCase.path("status").asText()) ? Optional.of(rmaCase) : Optional.empty();
    });
  }

  /** Polls, bounded, until the case's timeline lists this notice. */
  public void awaitNotice(int node, String rma, String notice) {
    await(notice + " notice of " + rma, () -> notices(caseOf(node, rma)).contains(notice) ? Optional.of(true) : Optional.empty());
  }

  /** The open task of this key, once the job executor has made it. */
  public String awaitTask(int node, String login, String rma, String taskKey) {
    return await(taskKey + " task of " + rma, () -> {
      Answer tasks = get(node, login, "/engine-rest/task?processInstanceBusinessKey=" + rma + "&taskDefinitionKey=" + taskKey);
      return tasks.status() == 200 && !tasks.body().isEmpty() ? Optional.of(tasks.body().get(0).path("id").asText()) : Optional.empty();
    });
  }

  /** A staff member completes a task in the engine REST API, as Tasklist does. */
  public Answer complete(int node, String login, String taskId, Map<String, Object> results) {
    Map<String, Object> variables = new HashMap<>();
    results.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return post(node, login, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  public String processInstanceId(int node, String rma) {
    Answer instances = get(node, ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + rma);
    if (instances.status() != 200 || instances.body().size() != 1) {
      throw new AssertionError("one process instance of " + rma + " expected: " + instances);
    }
    return instances.body().get(0).path("id").asText();
  }

  /** Sets the case's timer due now, as an operator does in Cockpit; the job executors take it from there. */
  public void makeTimerDue(int node, String rma, String timerId) {
    setTimerDueDate(node, rma, timerId, PAST);
  }

  /** Sets the case's timer due at this instant (engine REST's date format). */
  public void setTimerDueDate(int node, String rma, String timerId, java.time.Instant due) {
    setTimerDueDate(node, rma, timerId, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .withZone(java.time.ZoneOffset.UTC).format(due));
  }

  private void setTimerDueDate(int node, String rma, String timerId, String due) {
    String instance = processInstanceId(node, rma);
    String jobId = await("timer " + timerId + " of " + rma, () -> {
      Answer jobs = get(node, ADMIN, "/engine-rest/job?timers=true&processInstanceId=" + instance + "&activityId=" + timerId);
      return jobs.status() == 200 && jobs.body().size() == 1 ? Optional.of(jobs.body().get(0).path("id").asText()) : Optional.empty();
    });
    Answer set = call(node, ADMIN, "PUT", "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", due), Map.of());
    if (set.status() != 204) {
      throw new AssertionError("setting the due date of " + timerId + " of " + rma + " answered " + set);
    }
  }

  public static List<String> notices(JsonNode rmaCase) {
    List<String> notices = new ArrayList<>();
    rmaCase.path("timeline").forEach(entry -> {
      if (entry.path("event").asText().equals("NOTICE")) {
        notices.add(entry.path("detail").asText().split(" ")[0]);
      }
    });
    return notices;
  }

  /** Polls until the probe has a value, at most the client's bound. */
  public <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not reached within " + bound + ": " + what);
      }
      AppNode.pause(Duration.ofMillis(200));
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
  }
}
