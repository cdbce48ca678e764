package io.rmaflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.api.ApiClient;
import io.rmaflow.cluster.ClusterClient.Answer;
import io.rmaflow.cluster.ClusterClient.NodeUnreachable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One node of two is killed (SIGKILL) while shop portals submit cases and staff work them,
 * then started again. Clients do what real ones do: a submission whose answer was lost is
 * sent again, to any node, under the same Idempotency-Key; an event or task completion
 * whose answer was lost is checked and repeated only if it did not take effect. The dead
 * node's locked jobs are taken over once their lock expires, shortened to 10 s for the test
 * (production: 5 minutes, ADR 9). The node's second start, on a database with data, changes
 * neither schema nor setup.
 */
@RequiresPostgres
class CrashIT {

  static final int CASES = 24;
  static final int CLIENTS = 4;
  static final Duration LOCK_TIME = Duration.ofSeconds(10);
  /**
   * The cases' jobs held by a job executor. Not the history cleanup's: in its nightly window,
   * which the test's zone may put now, it runs again and again under one id.
   */
  static final String CASE_JOBS_LOCKED = " FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND process_instance_id_ IS NOT NULL";

  @RegisterExtension
  static final Nodes NODES = new Nodes();

  static ClusterClient cluster;
  static TestDatabase database;
  static AppNode victim;

  final AtomicInteger acknowledged = new AtomicInteger();
  final Map<String, String> cases = new ConcurrentHashMap<>();

  @BeforeAll
  static void startTwoNodes() {
    List<AppNode> nodes = NODES.start(Map.of("rma.demo.enabled", "true", "rma.demo.applications", "false",
        "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis())), Duration.ofMinutes(3), "a", "b");
    database = NODES.database();
    victim = nodes.get(0);
    cluster = new ClusterClient(nodes, Duration.ofSeconds(120)).failingOver();
    firstStart = startUpTrace();
  }

  static List<String> firstStart;

  @Test
  void aNodeKilledUnderLoadLosesNoAcknowledgedWorkAndItsJobsAreTakenOver() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      runs.add(clients.submit(() -> {
        for (int number = next.getAndIncrement(); number < CASES; number = next.getAndIncrement()) {
          workCase(number);
        }
        return null;
      }));
    }
    List<String> lockedAtCrash;
    Timestamp killedAt;
    try {
      cluster.await("a third of the submissions acknowledged", () -> acknowledged.get() >= CASES / 3 ? Optional.of(true) : Optional.empty());
      awaitJobsInFlight();
      victim.kill();
      killedAt = Timestamp.from(Instant.now());
      lockedAtCrash = database.strings("SELECT id_" + CASE_JOBS_LOCKED);
      cluster.await("half of the submissions acknowledged without node a",
          () -> acknowledged.get() >= CASES / 2 ? Optional.of(true) : Optional.empty());
      victim.start();
      victim.awaitReady(Duration.ofMinutes(3));
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(cases).hasSize(CASES);
    for (var submission : cases.entrySet()) {
      String rma = submission.getValue();
      assertThat(database.count("SELECT count(*) FROM rma_case WHERE serial_number = ?", serial(submission.getKey())))
          .as("cases for application %s", submission.getKey()).isOne();
      assertThat(database.strings("SELECT status || ' ' || resolution FROM rma_case WHERE rma_number = ?", rma))
          .containsExactly("CLOSED REPAIRED");
      assertThat(database.count("SELECT count(*) FROM rma_timeline WHERE rma_number = ? AND event = 'PARCEL_ARRIVED'", rma))
          .as("arrivals of %s", rma).isOne();
      String instance = database.strings("SELECT id_ FROM act_hi_procinst WHERE business_key_ = ?", rma).get(0);
      for (String task : List.of("remoteDiagnosis", "inspectParcel", "diagnoseFault", "repairDevice", "qualityCheck", "shipDevice")) {
        assertThat(database.count("SELECT count(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ = ?", instance, task))
            .as("%s of %s", task, rma).isOne();
      }
      for (String notice : List.of("SUBMISSION_RECEIVED", "ARRANGEMENT", "SHIPPED_BACK", "CASE_CLOSED")) {
        assertThat(database.count("SELECT count(*) FROM customer_notice WHERE reference = ? AND notice_type = ?", rma, notice))
            .as("%s notices of %s", notice, rma).isOne();
        assertThat(database.count("SELECT count(*) FROM rma_timeline WHERE rma_number = ? AND event = 'NOTICE' AND detail LIKE ?",
            rma, notice + " %")).as("%s notices of %s in the timeline", notice, rma).isOne();
      }
    }
    for (String job : lockedAtCrash) {
      assertThat(database.count("SELECT count(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2", job))
          .as("job %s, locked when node a died, ran to its end", job).isOne();
    }
    assertThat(startUpTrace()).as("what a later start on the same database changed: nothing").isEqualTo(firstStart);
    assertThat(database.count("SELECT count(*) FROM act_ru_incident")).as("incidents").isZero();
    assertThat(database.count("SELECT count(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL")).as("jobs left").isZero();
    assertThat(database.count("SELECT count(*) FROM act_ru_execution")).as("executions left").isZero();
    assertThat(cluster.serverErrors()).as("server errors").isEmpty();
    long takenOver = lockedAtCrash.stream().filter(job -> database.count(
        "SELECT count(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2 AND timestamp_ >= ?",
        job, new Timestamp(killedAt.getTime() + LOCK_TIME.toMillis() - 1000)) > 0).count();
    System.out.printf("CrashIT: %d cases; %d jobs locked when node a was killed, all done since, %d of them only after "
            + "their lock expired (node a's); "
            + "%d calls found a node unreachable; job attempts repeated after a conflict: %d%n",
        cases.size(), lockedAtCrash.size(), takenOver, cluster.unreachableAnswers(),
        database.count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1"));
  }

  /** What start-ups create: the engine's schema history, our migrations, deployments and the demo setup. */
  private static List<String> startUpTrace() {
    return database.strings("""
        SELECT 'engine schema ' || (SELECT value_ FROM act_ge_property WHERE name_ = 'schema.history')
        UNION ALL SELECT 'migrations ' || count(*) FROM flyway_schema_history
        UNION ALL SELECT 'deployments ' || count(*) FROM act_re_deployment
        UNION ALL SELECT 'filters ' || count(*) FROM act_ru_filter
        UNION ALL SELECT 'users ' || count(*) FROM act_id_user
        """);
  }

  /** The crash is to hit jobs mid-run: waits, briefly, until the job executors hold some locked. */
  private void awaitJobsInFlight() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (database.count("SELECT count(*)" + CASE_JOBS_LOCKED) < 2 && System.nanoTime() < deadline) {
      AppNode.pause(Duration.ofMillis(5));
    }
  }

  private void workCase(int number) {
    int node = number % 2;
    String key = "crash-" + number;
    Answer submitted = cluster.call(node, ClusterClient.PORTAL, "POST", "/api/rmas",
        ApiClient.application(serial(key), "li.wei@example.com", "OFFICIAL_STORE", LocalDate.now(TestClock.CENTRE).minusMonths(2)),
        Map.of("Idempotency-Key", key));
    assertThat(submitted.status()).as("submission %s: %s", key, submitted).isIn(200, 201);
    String rma = submitted.body().path("rmaNumber").asText();
    cases.put(key, rma);
    acknowledged.incrementAndGet();

    complete(node + 1, "desk", rma, "remoteDiagnosis", Map.of("remoteOutcome", "SEND_IN"));
    cluster.awaitNotice(node, rma, "ARRANGEMENT");
    arrive(node + 1, rma, number);
    complete(node, "dock", rma, "inspectParcel", Map.of("parcelCondition", "INTACT", "serialMatches", true));
    complete(node + 1, "tech", rma, "diagnoseFault", Map.of("faultCause", "MANUFACTURING_DEFECT",
        "proofOfPurchaseValid", true, "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
    complete(node, "tech", rma, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-1"));
    complete(node + 1, "qa", rma, "qualityCheck", Map.of("qualityPassed", true));
    complete(node, "logistics", rma, "shipDevice", Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-" + number));
    assertThat(cluster.awaitStatus(node + 1, rma, "CLOSED").path("resolution").asText()).isEqualTo("REPAIRED");
  }

  /** The dock's scanner: when its answer was lost, it asks whether the parcel counted before sending it again. */
  private void arrive(int node, String rma, int number) {
    for (int attempt = 0; ; attempt++) {
      try {
        Answer arrival = cluster.post(node + attempt, ClusterClient.PORTAL, "/api/rmas/" + rma + "/arrival",
            Map.of("trackingNumber", "SF" + number));
        if (attempt > 0 && arrival.status() == 409 && parcelArrived(node, rma)) {
          return;
        }
        assertThat(arrival.status()).as("arrival of %s: %s", rma, arrival).isEqualTo(202);
        return;
      } catch (NodeUnreachable lost) {
        if (parcelArrived(node + attempt + 1, rma)) {
          return;
        }
      }
    }
  }

  private boolean parcelArrived(int node, String rma) {
    return cluster.caseOf(node, rma).path("timeline").findValuesAsText("event").contains("PARCEL_ARRIVED");
  }

  /** A staff member whose completion got no answer looks again: the task is either gone (done) or still there. */
  private void complete(int node, String login, String rma, String taskKey, Map<String, Object> results) {
    String task = cluster.awaitTask(node, login, rma, taskKey);
    for (int attempt = 0; ; attempt++) {
      try {
        Answer completed = cluster.complete(node + attempt, login, task, results);
        assertThat(completed.status()).as("%s completes %s of %s: %s", login, taskKey, rma, completed).isEqualTo(204);
        return;
      } catch (NodeUnreachable lost) {
        if (cluster.get(node + attempt + 1, login, "/engine-rest/task/" + task).status() == 404) {
          return;
        }
      }
    }
  }

  private static String serial(String key) {
    return "SN-" + key.toUpperCase();
  }
}
