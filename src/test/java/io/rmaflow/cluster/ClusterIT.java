package io.rmaflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.api.ApiClient;
import io.rmaflow.cluster.ClusterClient.Answer;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.tasklist.AuthorizationStatistics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Two nodes of RMA Flow, each in a JVM of its own from the packaged jar, on one PostgreSQL
 * database with their job executors on: Camunda's homogeneous cluster as production runs
 * it (ADR 9). Cases are submitted to both and worked through both, timers are made due as
 * an operator does in Cockpit, and the same event is sent to both nodes at once.
 */
@RequiresPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final int CASES_PER_NODE = 20;

  @RegisterExtension
  static final Nodes NODES = new Nodes();

  static ClusterClient cluster;
  static TestDatabase database;

  enum Path { NO_PARCEL, UNPAID_QUOTE, PAID_REPAIR }

  @BeforeAll
  static void startTwoNodesTogetherOnAnEmptyDatabase() {
    List<AppNode> nodes = NODES.start(Map.of("rma.demo.enabled", "true", "rma.demo.applications", "false"),
        Duration.ofMinutes(3), "a", "b");
    database = NODES.database();
    cluster = new ClusterClient(nodes, Duration.ofSeconds(90));
  }

  @Test
  @Order(1)
  void twoNodesStartingTogetherOnAnEmptyDatabaseCreateOneSchemaAndOneDemoSetup() {
    assertThat(database.count("SELECT count(*) FROM act_ge_property WHERE name_ = 'schema.version'")).isEqualTo(1);
    assertThat(database.count("SELECT count(*) FROM flyway_schema_history WHERE success")).isGreaterThanOrEqualTo(5);
    assertThat(database.count("SELECT count(*) FROM act_id_group")).isEqualTo(11);
    assertThat(database.count("SELECT count(*) FROM act_ru_filter")).as("one filter per staff group, My tasks, Overdue")
        .isEqualTo(RmaProcess.Groups.STAFF.size() + 2);
    assertThat(database.count("SELECT count(*) FROM act_re_deployment")).isEqualTo(1);
    assertThat(database.count("SELECT count(*) FROM pg_statistic_ext WHERE stxname = ?", AuthorizationStatistics.NAME))
        .as("the planner statistics of the authorizations").isEqualTo(1);
    for (int node = 0; node < cluster.size(); node++) {
      assertThat(cluster.get(node, ClusterClient.PORTAL, "/api/rmas?size=1").status()).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void casesWorkedThroughBothNodesRunToTheirEndWithEveryTimerAndEventTakenOnce() throws Exception {
    Map<String, Path> cases = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < CASES_PER_NODE * cluster.size(); i++) {
        int number = i;
        Path path = Path.values()[i % Path.values().length];
        runs.add(clients.submit(() -> cases.put(workCase(number, path), path)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(cases).hasSize(CASES_PER_NODE * cluster.size());
    cases.forEach(this::assertTakenOnce);
    assertThat(database.count("SELECT count(*) FROM act_ru_incident")).as("incidents").isZero();
    assertThat(database.count("SELECT count(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL")).as("jobs left").isZero();
    assertThat(database.count("SELECT count(*) FROM act_ru_execution")).as("executions left").isZero();
    assertThat(database.strings("SELECT DISTINCT hostname_ FROM act_hi_job_log WHERE job_state_ = 2 ORDER BY hostname_"))
        .as("nodes that ran jobs").containsExactly("a", "b");
    assertThat(cluster.serverErrors()).as("server errors").isEmpty();
    System.out.printf("ClusterIT: %d cases; jobs run by a: %d, by b: %d; job attempts repeated after a conflict: %d; "
            + "optimistic-locking conflicts logged by the nodes: %d%n",
        cases.size(),
        database.count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = 'a'"),
        database.count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = 'b'"),
        database.count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1"),
        cluster.node(0).logLines(Pattern.compile("OptimisticLocking")).size()
            + cluster.node(1).logLines(Pattern.compile("OptimisticLocking")).size());
  }

  @Test
  @Order(4)
  void complaintsFiledWhileTheCasesFirstStepsRunStallNoCase() throws Exception {
    // Bounded well below the engine's first retry interval (PT1M), which a conflict used to wait for.
    ClusterClient quick = new ClusterClient(List.of(cluster.node(0), cluster.node(1)), Duration.ofSeconds(20));
    List<String> rmas = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int node = i % 2;
      Answer submitted = quick.post(node, ClusterClient.PORTAL, "/api/rmas", ApiClient.application(
          "SN-CONFLICT-%03d".formatted(i), "li.wei@example.com", "OFFICIAL_STORE",
          LocalDate.now(TestClock.CENTRE).minusMonths(2)));
      assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
      String rma = submitted.body().path("rmaNumber").asText();
      // Sent at once through the other node, while the case's first steps run as jobs.
      assertThat(quick.post(node + 1, ClusterClient.PORTAL, "/api/rmas/" + rma + "/complaints",
          Map.of("text", "Where is my repair?")).status()).isEqualTo(202);
      rmas.add(rma);
    }
    long started = System.nanoTime();

    for (String rma : rmas) {
      quick.awaitTask(0, "desk", rma, "remoteDiagnosis");
      quick.awaitTask(1, "manager", rma, "handleComplaint");
    }

    System.out.printf("ClusterIT: %d cases with a complaint at once all reached remote triage within %d ms%n",
        rmas.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(quick.serverErrors()).isEmpty();
  }

  /** One case, each step on the other node than the one before; returns its RMA number. */
  private String workCase(int number, Path path) {
    int node = number % cluster.size();
    LocalDate invoiceDate = path == Path.NO_PARCEL ? LocalDate.now(TestClock.CENTRE).minusMonths(2) : LocalDate.now(TestClock.CENTRE).minusYears(2);
    Answer submitted = cluster.call(node, ClusterClient.PORTAL, "POST", "/api/rmas",
        ApiClient.application("SN-CLUSTER-%03d".formatted(number), "li.wei@example.com", "OFFICIAL_STORE", invoiceDate),
        Map.of("Idempotency-Key", "cluster-" + number));
    assertThat(submitted.status()).as("submission %d: %s", number, submitted).isEqualTo(201);
    String rma = submitted.body().path("rmaNumber").asText();

    String triage = cluster.awaitTask(node + 1, "desk", rma, "remoteDiagnosis");
    if (path == Path.NO_PARCEL) {
      // The same task completed on both nodes at once: one completion counts.
      List<Answer> both = race(
          () -> cluster.complete(node, "desk", triage, Map.of("remoteOutcome", "SEND_IN")),
          () -> cluster.complete(node + 1, "desk", triage, Map.of("remoteOutcome", "SEND_IN")));
      assertThat(both).as("completions of %s's triage", rma).filteredOn(Answer::ok).hasSize(1);
      // The task completed meanwhile: 404 (gone) or 409 (changed under the call), never a server error (ADR 20).
      Answer loser = both.stream().filter(answer -> !answer.ok()).findFirst().orElseThrow();
      assertThat(loser.status()).as("%s", loser).isIn(404, 409);
      assertThat(loser.body().path("message").asText()).as("%s", loser)
          .contains(loser.status() == 404 ? "Cannot find task" : "changed this case meanwhile");
    } else {
      assertThat(cluster.complete(node + 1, "desk", triage, Map.of("remoteOutcome", "SEND_IN")).status()).isEqualTo(204);
    }
    // The status changes as the arrangement step begins; the case awaits the device once the arrangement went out.
    cluster.awaitStatus(node, rma, "AWAITING_DEVICE");
    cluster.awaitNotice(node + 1, rma, "ARRANGEMENT");

    switch (path) {
      case NO_PARCEL -> {
        cluster.makeTimerDue(node, rma, Elements.SHIP_REMINDER_TIMER);
        cluster.awaitNotice(node + 1, rma, "SHIP_REMINDER");
        cluster.makeTimerDue(node + 1, rma, Elements.PARCEL_NOT_RECEIVED_TIMER);
        assertThat(cluster.awaitStatus(node, rma, "CLOSED").path("resolution").asText()).isEqualTo("CLOSED_NOT_RECEIVED");
      }
      case UNPAID_QUOTE, PAID_REPAIR -> {
        assertThat(cluster.post(node, ClusterClient.PORTAL, "/api/rmas/" + rma + "/shipments",
            Map.of("carrier", "SF Express", "trackingNumber", "SF" + number)).status()).isEqualTo(202);
        // The dock's scanner reports the parcel to both nodes at once: one takes it, the other says it is not awaited.
        List<Answer> arrivals = race(
            () -> cluster.post(node, ClusterClient.PORTAL, "/api/rmas/" + rma + "/arrival", Map.of("trackingNumber", "SF" + number)),
            () -> cluster.post(node + 1, ClusterClient.PORTAL, "/api/rmas/" + rma + "/arrival", Map.of("trackingNumber", "SF" + number)));
        assertThat(arrivals).extracting(Answer::status).as("arrivals of %s", rma).containsExactlyInAnyOrder(202, 409);
        assertThat(arrivals).filteredOn(answer -> answer.status() == 409).extracting(Answer::problemType)
            .containsExactly("https://rmaflow.io/problems/event-not-awaited");
        completeTask(node + 1, "dock", rma, "inspectParcel", Map.of("parcelCondition", "INTACT", "serialMatches", true));
        completeTask(node, "tech", rma, "diagnoseFault", Map.of("faultCause", "MANUFACTURING_DEFECT",
            "proofOfPurchaseValid", true, "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
        String gross = cluster.awaitStatus(node + 1, rma, "AWAITING_PAYMENT").path("quote").path("gross").asText();
        cluster.awaitNotice(node, rma, "QUOTE");
        if (path == Path.UNPAID_QUOTE) {
          cluster.makeTimerDue(node, rma, Elements.PAYMENT_DEADLINE_TIMER);
          String shipping = cluster.awaitTask(node + 1, "logistics", rma, "shipDevice");
          Answer late = cluster.post(node, ClusterClient.PORTAL, "/api/rmas/" + rma + "/payments",
              Map.of("reference", "LATE-" + rma, "amount", gross, "currency", "CNY"));
          assertThat(late.status()).as("late payment of %s", rma).isEqualTo(409);
          assertThat(cluster.complete(node + 1, "logistics", shipping,
              Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-" + number)).status()).isEqualTo(204);
          assertThat(cluster.awaitStatus(node, rma, "CLOSED").path("resolution").asText()).isEqualTo("RETURNED_UNREPAIRED");
        } else {
          payRacing(node, rma, gross);
          completeTask(node + 1, "tech", rma, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-1"));
          completeTask(node, "qa", rma, "qualityCheck", Map.of("qualityPassed", true));
          completeTask(node + 1, "logistics", rma, "shipDevice", Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-" + number));
          completeTask(node, "finance", rma, "issueInvoice", Map.of("vatInvoiceNumber", "VAT-" + number));
          assertThat(cluster.awaitStatus(node + 1, rma, "CLOSED").path("resolution").asText()).isEqualTo("REPAIRED");
        }
      }
    }
    return rma;
  }

  /**
   * Tasklist's list joins each task of a queue with its authorization row on an OR of three
   * columns, which PostgreSQL can only do as a nested loop. It must probe the authorizations'
   * index once per task, not compare every task with every authorization: that needs the
   * statistics on the permission bits, and the app's session settings (ADR 9).
   */
  @Test
  @Order(3)
  void tasklistsAuthorizedCountOfAQueueOfThousandsProbesTheAuthorizationsPerTask() {
    int queue = 2_000;
    String definition = database.strings("SELECT id_ FROM act_re_procdef WHERE key_ = ? ORDER BY version_ DESC LIMIT 1",
        RmaProcess.KEY).get(0);
    database.update("INSERT INTO act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, priority_, create_time_,"
        + " suspension_state_) SELECT 'plan-task-' || n, 1, ?, 'Remote diagnosis', 'remoteDiagnosis', 50, now(), 1"
        + " FROM generate_series(1, ?) AS n", definition, queue);
    database.update("INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) SELECT 'plan-link-' || n, 1,"
        + " 'service-desk', 'candidate', 'plan-task-' || n FROM generate_series(1, ?) AS n", queue);
    database.update("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
        + " SELECT 'plan-auth-' || n, 1, 1, 'service-desk', 7, 'plan-task-' || n, 16386 FROM generate_series(1, ?) AS n",
        queue);
    try {
      database.update("ANALYZE act_ru_task");
      database.update("ANALYZE act_ru_identitylink");
      database.update("ANALYZE act_ru_authorization");
      // The authorization side of the engine's task query for a member of the service desk (Authorization.xml).
      String authorizations = "SELECT A.* FROM act_ru_authorization A WHERE A.TYPE_ < 2"
          + " AND (A.USER_ID_ IN ('desk', '*') OR A.GROUP_ID_ IN ('service-desk'))"
          + " AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64))";
      String estimate = String.join("\n", database.strings("EXPLAIN " + authorizations));
      Matcher rows = Pattern.compile("rows=(\\d+)").matcher(estimate);
      assertThat(rows.find()).as(estimate).isTrue();
      assertThat(Long.parseLong(rows.group(1))).as(estimate).isBetween(queue / 2L, queue * 2L);

      // Tasklist's count for the service desk's filter, as the engine writes it (Task.xml).
      sessionSettingsOfTheApp().forEach(database::update);
      String plan = String.join("\n", database.strings("EXPLAIN SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_"
          + " FROM ACT_RU_TASK RES LEFT JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_"
          + " LEFT JOIN ACT_RE_PROCDEF D ON RES.PROC_DEF_ID_ = D.ID_"
          + " LEFT JOIN (" + authorizations + ") AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))"
          + " WHERE (I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ('service-desk')) AND AUTH.RESOURCE_ID_ IS NOT NULL) X"));
      assertThat(plan).as("a plan that scans the authorizations compares each task with all of them:%n%s", plan)
          .contains("act_ru_authorization").doesNotContain("Seq Scan on act_ru_authorization");
    } finally {
      database.update("RESET ALL");
      database.update("DELETE FROM act_ru_authorization WHERE id_ LIKE 'plan-%'");
      database.update("DELETE FROM act_ru_identitylink WHERE id_ LIKE 'plan-%'");
      database.update("DELETE FROM act_ru_task WHERE id_ LIKE 'plan-%'");
    }
  }

  /**
   * The shop portal searches every case the centre ever had. A page by e-mail (any case) or by
   * status reads an index in the page's order and stops after it: sorting every match first
   * cost 90 ms at 100,000 cases of one e-mail address.
   */
  @Test
  @Order(5)
  void theCaseSearchsPageByEmailOrStatusAmongThousandsReadsAnIndexInOrder() {
    int cases = 20_000;
    database.update("INSERT INTO rma_case (rma_number, status, created_at, updated_at, customer_name, customer_email,"
        + " customer_email_key, customer_locale, address_city, address_country, product_model, serial_number,"
        + " purchase_channel, fault_description, priority, service_type, keep_replaced_parts, data_backed_up,"
        + " passwords_removed) SELECT 'PLAN-' || n, 'IN_DIAGNOSIS', now() - n * interval '1 minute', now(), 'Plan Search',"
        + " 'Plan.Search@example.com', 'plan.search@example.com', 'en', 'Hangzhou', 'CN', 'X200', 'SN-PLAN-' || n,"
        + " 'OFFICIAL_STORE', 'No picture', 'MEDIUM', 'MAIL_IN', FALSE, TRUE, TRUE FROM generate_series(1, ?) AS n",
        cases);
    try {
      database.update("ANALYZE rma_case");
      // The page's statement as RmaCaseRepository.search writes it.
      for (String filter : List.of("customer_email_key = LOWER('PLAN.search@example.com')", "status = 'IN_DIAGNOSIS'")) {
        String plan = String.join("\n", database.strings("EXPLAIN SELECT * FROM rma_case WHERE 1 = 1 AND " + filter
            + " ORDER BY created_at DESC, rma_number DESC LIMIT 20 OFFSET 0"));
        assertThat(plan).as("the page of the search by %s:%n%s", filter, plan)
            .contains("Index Scan").doesNotContain("Sort").doesNotContain("Seq Scan");
      }
      Answer page = cluster.get(0, ClusterClient.PORTAL, "/api/rmas?email=plan.SEARCH%40example.com&size=20");
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      assertThat(page.body().path("totalItems").asLong()).isEqualTo(cases);
      assertThat(page.body().path("items").get(0).path("rmaNumber").asText()).isEqualTo("PLAN-1");
    } finally {
      database.update("DELETE FROM rma_case WHERE rma_number LIKE 'PLAN-%'");
    }
  }

  /** The {@code -c name=value} connection options of {@code application-postgres.yaml}, as SET statements. */
  private static List<String> sessionSettingsOfTheApp() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-postgres.yaml"));
    String options = yaml.getObject().getProperty("spring.datasource.hikari.data-source-properties.options");
    List<String> settings = Pattern.compile("-c\\s+(\\w+)=(\\S+)").matcher(options).results()
        .map(option -> "SET " + option.group(1) + " = '" + option.group(2) + "'").toList();
    assertThat(settings).as(options).isNotEmpty();
    return settings;
  }

  /**
   * The gateway's callback reaches both nodes at once, and a second payment with another
   * reference races it: one reference is taken, its callbacks answer 202, the other 409.
   */
  private void payRacing(int node, String rma, String gross) {
    String first = "PAY-A-" + rma;
    String second = "PAY-B-" + rma;
    List<Answer> answers = race(
        () -> pay(node, rma, first, gross), () -> pay(node + 1, rma, first, gross), () -> pay(node + 1, rma, second, gross));
    List<String> taken = database.strings("SELECT reference FROM payment WHERE rma_number = ?", rma);
    assertThat(taken).as(() -> "payments of " + rma + ": " + answers).hasSize(1);
    List<Integer> expected = taken.get(0).equals(first) ? List.of(202, 202, 409) : List.of(409, 409, 202);
    assertThat(answers).extracting(Answer::status).as(() -> "payment answers of " + rma + ": " + answers).containsExactlyElementsOf(expected);
  }

  private Answer pay(int node, String rma, String reference, String gross) {
    return cluster.post(node, ClusterClient.PORTAL, "/api/rmas/" + rma + "/payments",
        Map.of("reference", reference, "amount", gross, "currency", "CNY"));
  }

  private void completeTask(int node, String login, String rma, String taskKey, Map<String, Object> results) {
    String task = cluster.awaitTask(node, login, rma, taskKey);
    Answer completed = cluster.complete(node, login, task, results);
    assertThat(completed.status()).as("%s completes %s of %s: %s", login, taskKey, rma, completed).isEqualTo(204);
  }

  /** What the history and our own tables say each case went through: every step once. */
  private void assertTakenOnce(String rma, Path path) {
    String instance = database.strings("SELECT id_ FROM act_hi_procinst WHERE business_key_ = ?", rma).get(0);
    assertThat(activities(instance, "remoteDiagnosis")).as("triage of %s", rma).isEqualTo(1);
    assertThat(activities(instance, Elements.SEND_ARRANGEMENT)).as("arrangement of %s", rma).isEqualTo(1);
    assertThat(notices(rma, "ARRANGEMENT")).isEqualTo(1);
    assertThat(notices(rma, "SUBMISSION_RECEIVED")).isEqualTo(1);
    switch (path) {
      case NO_PARCEL -> {
        assertThat(activities(instance, Elements.SHIP_REMINDER_TIMER)).as("ship reminder timer of %s", rma).isEqualTo(1);
        assertThat(activities(instance, Elements.SEND_SHIP_REMINDER)).as("ship reminder of %s", rma).isEqualTo(1);
        assertThat(activities(instance, Elements.PARCEL_NOT_RECEIVED_TIMER)).as("closing timer of %s", rma).isEqualTo(1);
        assertThat(notices(rma, "SHIP_REMINDER")).as("reminder notices of %s", rma).isEqualTo(1);
        assertThat(notices(rma, "CLOSED_NOT_RECEIVED")).as("closing notices of %s", rma).isEqualTo(1);
      }
      case UNPAID_QUOTE, PAID_REPAIR -> {
        assertThat(activities(instance, Elements.AWAIT_PARCEL)).as("parcel awaited by %s", rma).isEqualTo(1);
        assertThat(timeline(rma, "PARCEL_ARRIVED")).as("arrivals of %s", rma).isEqualTo(1);
        assertThat(activities(instance, "inspectParcel")).isEqualTo(1);
        assertThat(notices(rma, "QUOTE")).isEqualTo(1);
        if (path == Path.UNPAID_QUOTE) {
          assertThat(activities(instance, Elements.PAYMENT_DEADLINE_TIMER)).as("payment deadline of %s", rma).isEqualTo(1);
          assertThat(database.count("SELECT count(*) FROM payment WHERE rma_number = ?", rma)).isZero();
        } else {
          assertThat(activities(instance, Elements.PAYMENT_RECEIVED)).as("payment event of %s", rma).isEqualTo(1);
          assertThat(timeline(rma, "PAYMENT_RECEIVED")).as("payments recorded for %s", rma).isEqualTo(1);
          assertThat(notices(rma, "PAYMENT_RECEIVED")).isEqualTo(1);
        }
        assertThat(notices(rma, "SHIPPED_BACK")).isEqualTo(1);
      }
    }
    assertThat(notices(rma, "CASE_CLOSED") + notices(rma, "CLOSED_NOT_RECEIVED")).as("closing notices of %s", rma).isEqualTo(1);
  }

  private long activities(String instance, String activityId) {
    return database.count("SELECT count(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? AND act_id_ = ? AND end_time_ IS NOT NULL",
        instance, activityId);
  }

  /** Notices of this type in the ledger that keeps them from going out twice; the timeline must list as many. */
  private long notices(String rma, String type) {
    long ledger = database.count("SELECT count(*) FROM customer_notice WHERE reference = ? AND notice_type = ?", rma, type);
    long listed = database.count("SELECT count(*) FROM rma_timeline WHERE rma_number = ? AND event = 'NOTICE' "
        + "AND (detail = ? OR detail LIKE ?)", rma, type, type + " %");
    assertThat(listed).as("%s notices of %s in the timeline", type, rma).isEqualTo(ledger);
    return ledger;
  }

  private long timeline(String rma, String event) {
    return database.count("SELECT count(*) FROM rma_timeline WHERE rma_number = ? AND event = ?", rma, event);
  }

  /** Sends the calls at the same instant, each from a thread of its own. */
  @SafeVarargs
  static List<Answer> race(Supplier<Answer>... calls) {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    Answer[] answers = new Answer[calls.length];
    RuntimeException[] failures = new RuntimeException[calls.length];
    for (int i = 0; i < calls.length; i++) {
      int index = i;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          answers[index] = calls[index].get();
        } catch (RuntimeException e) {
          failures[index] = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    return List.of(answers);
  }
}
