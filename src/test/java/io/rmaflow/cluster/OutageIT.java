package io.rmaflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.api.ApiClient;
import io.rmaflow.cluster.ClusterClient.Answer;
import io.rmaflow.process.RmaProcess.Elements;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database goes away for 30 seconds while two nodes serve shop portals and staff, as when
 * PostgreSQL restarts: the test's own database refuses new connections and every session on
 * it is ended, then it takes connections again. Clients do what real ones do with a
 * {@code 503}: wait as {@code Retry-After} says and send the same request again (a submission
 * under its Idempotency-Key). Timers of waiting cases fall due in the middle of the outage.
 * A job running at the cut finds its lock again once it expires: 15 s here, 5 minutes in
 * production (ADR 9).
 */
@RequiresPostgres
class OutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
  static final Duration LOCK_TIME = Duration.ofSeconds(15);
  static final int CLIENTS = 4;
  static final int WAITING_CASES = 4;
  static final String TRIAGE = "remoteDiagnosis";

  @RegisterExtension
  static final Nodes NODES = new Nodes();

  static ClusterClient cluster;
  static TestDatabase database;

  final AtomicInteger sequence = new AtomicInteger();
  final AtomicBoolean outage = new AtomicBoolean();
  final AtomicBoolean stop = new AtomicBoolean();
  /** Idempotency key of each submission answered 2xx, and its case (the waiting ones among them). */
  final Map<String, String> submitted = new ConcurrentHashMap<>();
  /** Cases whose triage completion was answered 204. */
  final List<String> triaged = new CopyOnWriteArrayList<>();
  final List<Answer> refusedDuringOutage = new CopyOnWriteArrayList<>();
  final List<Answer> refusedOtherwise = new CopyOnWriteArrayList<>();
  final AtomicInteger answeredDuringOutage = new AtomicInteger();
  final Set<String> seenNotReady = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void startTwoNodes() {
    List<AppNode> nodes = NODES.start(Map.of("rma.demo.enabled", "true", "rma.demo.applications", "false",
        "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis())), Duration.ofMinutes(3), "a", "b");
    database = NODES.database();
    cluster = new ClusterClient(nodes, Duration.ofSeconds(150));
  }

  @Test
  void aDatabaseAwayForThirtySecondsIsAnswered503AndBothNodesRecoverOnTheirOwnWithEveryAcceptedRequestTakenOnce()
      throws Exception {
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < WAITING_CASES; i++) {
      waiting.add(caseAwaitingItsDevice(i % 2));
    }

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<?>> runs = new ArrayList<>();
    Instant cut;
    Instant restored;
    Duration recovery;
    try {
      for (int client = 0; client < CLIENTS; client++) {
        int node = client % 2;
        runs.add(clients.submit(() -> {
          while (!stop.get()) {
            caseAwaitingItsDevice(node);
          }
          return null;
        }));
      }
      Future<?> probes = clients.submit(this::probeReadiness);
      awaitCases(6);

      // The reminders fall due while the database is away; the job executors find them once it is back.
      Instant due = Instant.now().plusSeconds(10);
      for (String rma : waiting) {
        cluster.setTimerDueDate(0, rma, Elements.SHIP_REMINDER_TIMER, due);
      }
      cut = Instant.now();
      outage.set(true);
      database.disconnect();
      cluster.await("every session on the database ended", () -> database.sessions() == 0 ? Optional.of(true) : Optional.empty());
      AppNode.pause(OUTAGE);
      database.reconnect();
      restored = Instant.now();

      // Until both nodes serve again, a refusal still belongs to the outage.
      recovery = awaitRecovery();
      outage.set(false);
      int beforeRecovery = submitted.size();
      awaitCases(beforeRecovery + 6);
      stop.set(true);
      for (Future<?> run : runs) {
        run.get(3, TimeUnit.MINUTES);
      }
      probes.get(1, TimeUnit.MINUTES);
    } finally {
      stop.set(true);
      clients.shutdownNow();
    }

    for (String rma : waiting) {
      awaitNotice(rma, "SHIP_REMINDER");
    }

    assertThat(recovery).as("from the database's return until both nodes served again").isLessThanOrEqualTo(RECOVERY_BOUND);
    assertThat(seenNotReady).as("nodes whose readiness went down during the outage").containsExactlyInAnyOrder("a", "b");
    assertThat(refusedDuringOutage).as("requests refused during the outage").isNotEmpty();
    for (Answer refused : refusedDuringOutage) {
      assertThat(refused.status()).as("%s", refused).isEqualTo(503);
      String body = refused.body().toString();
      assertThat(body).as("a refusal names no Java class nor SQL").doesNotContain("Exception:", "\\tat ", "SQL", "org.");
    }
    assertThat(refusedDuringOutage).filteredOn(refused -> refused.body().has("status"))
        .as("the domain API's refusals are problem details")
        .allSatisfy(refused -> assertThat(refused.problemType()).isEqualTo("https://rmaflow.io/problems/service-unavailable"));
    assertThat(refusedOtherwise).as("server errors while the database was there").isEmpty();
    assertThat(cluster.serverErrors()).as("server errors of any call, polls included: refusals only")
        .allSatisfy(error -> assertThat(error).contains(": 503 "));

    List<String> rmas = List.copyOf(submitted.values());
    assertThat(database.count("SELECT count(*) FROM rma_case")).as("cases stored: one per accepted submission")
        .isEqualTo(rmas.size());
    assertThat(database.count("SELECT count(*) FROM submission_idempotency")).isEqualTo(rmas.size());
    for (String rma : rmas) {
      assertThat(database.count("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ?", rma))
          .as("process instances of %s", rma).isOne();
      assertThat(database.count("SELECT count(*) FROM act_hi_actinst A JOIN act_hi_procinst P ON P.id_ = A.proc_inst_id_"
          + " WHERE P.business_key_ = ? AND A.act_id_ = ? AND A.end_time_ IS NOT NULL", rma, TRIAGE))
          .as("triage of %s, completed once", rma).isOne();
      for (String notice : List.of("SUBMISSION_RECEIVED", "ARRANGEMENT")) {
        assertThat(database.count("SELECT count(*) FROM customer_notice WHERE reference = ? AND notice_type = ?", rma, notice))
            .as("%s notices of %s", notice, rma).isOne();
      }
    }
    assertThat(triaged).as("triages answered 204").doesNotHaveDuplicates();
    for (String rma : waiting) {
      assertThat(database.count("SELECT count(*) FROM customer_notice WHERE reference = ? AND notice_type = 'SHIP_REMINDER'", rma))
          .as("reminders of %s, due during the outage", rma).isOne();
      assertThat(database.count("SELECT count(*) FROM act_hi_job_log L JOIN act_hi_procinst P ON P.id_ = L.process_instance_id_"
          + " WHERE P.business_key_ = ? AND L.act_id_ = ? AND L.job_state_ = 2", rma, Elements.SHIP_REMINDER_TIMER))
          .as("reminder timer of %s ran once", rma).isOne();
      assertThat(database.count("SELECT count(*) FROM act_hi_job_log L JOIN act_hi_procinst P ON P.id_ = L.process_instance_id_"
          + " WHERE P.business_key_ = ? AND L.act_id_ = ? AND L.job_state_ = 2 AND L.timestamp_ > ?", rma,
          Elements.SHIP_REMINDER_TIMER, java.sql.Timestamp.from(restored)))
          .as("reminder timer of %s, due during the outage, ran after it", rma).isOne();
    }
    assertThat(database.count("SELECT count(*) FROM act_ru_incident")).as("incidents").isZero();
    assertThat(database.count("SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL"))
        .as("jobs that recorded a failure (and used up a retry)").isZero();

    System.out.printf("OutageIT: database away %d s from %s; %d answers were 503, %d of them to submissions, completions"
            + " and case reads (the rest to task polls); %d requests begun before the nodes served again were answered otherwise;"
            + " both nodes served again %d ms after its return; %d cases accepted in all, each once%n",
        OUTAGE.toSeconds(), cut, cluster.serverErrors().size(), refusedDuringOutage.size(), answeredDuringOutage.get(), recovery.toMillis(),
        rmas.size());
    assertThat(restored).isAfter(cut);
  }

  /** A portal submits, the desk sends the device in, the arrangement goes out: the case waits for its parcel. */
  private String caseAwaitingItsDevice(int node) {
    int number = sequence.incrementAndGet();
    String key = "outage-" + number;
    Answer accepted = persist("submission " + key, () -> cluster.call(node, ClusterClient.PORTAL, "POST", "/api/rmas",
        ApiClient.application("SN-OUTAGE-%04d".formatted(number), "li.wei@example.com", "OFFICIAL_STORE",
            LocalDate.now(TestClock.CENTRE).minusMonths(2)), Map.of("Idempotency-Key", key)));
    assertThat(accepted.status()).as("submission %s: %s", key, accepted).isIn(200, 201);
    String rma = accepted.body().path("rmaNumber").asText();
    submitted.put(key, rma);

    String task = cluster.awaitTask(node + 1, "desk", rma, TRIAGE);
    Answer completed = persist("triage of " + rma, () -> cluster.complete(node + 1, "desk", task, Map.of("remoteOutcome", "SEND_IN")));
    // A completion refused took no effect and is sent again; one gone after a refusal had gone through
    // (the final checks count the completions in the history).
    assertThat(completed.status()).as("triage of %s: %s", rma, completed).isIn(204, 404);
    if (completed.status() == 204) {
      triaged.add(rma);
    }
    awaitNotice(rma, "ARRANGEMENT");
    return rma;
  }

  /** Sends the request again while it is answered 503, after the pause the answer asks for. */
  private Answer persist(String what, Supplier<Answer> call) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      boolean during = outage.get();
      Answer answer = call.get();
      if (answer.status() / 100 == 5) {
        (during || outage.get() ? refusedDuringOutage : refusedOtherwise).add(answer);
        if (answer.status() == 503 && System.nanoTime() < deadline) {
          AppNode.pause(Duration.ofMillis(500));
          continue;
        }
        throw new AssertionError(what + " answered " + answer);
      }
      if (during) {
        answeredDuringOutage.incrementAndGet();
      }
      return answer;
    }
  }

  private void awaitNotice(String rma, String notice) {
    cluster.await(notice + " notice of " + rma, () -> {
      Answer rmaCase = cluster.get(0, ClusterClient.PORTAL, "/api/rmas/" + rma);
      if (rmaCase.status() == 503) {
        (outage.get() ? refusedDuringOutage : refusedOtherwise).add(rmaCase);
        return Optional.empty();
      }
      return rmaCase.status() == 200 && ClusterClient.notices(rmaCase.body()).contains(notice) ? Optional.of(true) : Optional.empty();
    });
  }

  private void awaitCases(int count) {
    cluster.await(count + " cases accepted", () -> submitted.size() >= count ? Optional.of(true) : Optional.empty());
  }

  /** Asks each node's readiness as a load balancer does, and notes which went down while the database was away. */
  private Void probeReadiness() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (!stop.get()) {
      for (int node = 0; node < cluster.size(); node++) {
        if (outage.get() && readiness(http, cluster.node(node)) == 503) {
          seenNotReady.add(cluster.node(node).name());
        }
      }
      AppNode.pause(Duration.ofMillis(250));
    }
    return null;
  }

  /** Polls, bounded, until both nodes are ready and answer a read of the database. */
  private Duration awaitRecovery() {
    long restored = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    cluster.await("both nodes ready again", () -> {
      for (int node = 0; node < cluster.size(); node++) {
        if (readiness(http, cluster.node(node)) != 200
            || cluster.get(node, ClusterClient.PORTAL, "/api/rmas?size=1").status() != 200) {
          return Optional.empty();
        }
      }
      return Optional.of(true);
    });
    return Duration.ofNanos(System.nanoTime() - restored);
  }

  private static int readiness(HttpClient http, AppNode node) {
    try {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
