package io.rmaflow.benchmark;

import io.rmaflow.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures RMA Flow against PostgreSQL on loopback, each figure beside the same figure for a
 * plain Camunda process in the same app, database and run, and writes {@code docs/benchmarks.md}.
 * Run it with {@code ./mvnw -B -Pbenchmark verify} ({@code -Dbench.scale=small} for a smoke run).
 *
 * <p>The app is the packaged jar in a child JVM with {@code -Xmx512m}, the {@code postgres}
 * profile and its shipped job executor; everything is driven over HTTP as the demo logins,
 * and PostgreSQL is read only to observe (sizes, counts, closing times) and, for the timer
 * backlog, to let 15 days pass by moving the close timers' due dates.
 */
public final class Benchmark {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  static final String VANILLA = "bench-vanilla";
  static final String BENCH_USER = "bench";
  static final String TWO_GROUPS = "deskdock";
  static final String BENCH_GROUP = "bench-clients";

  /**
   * Camunda 7.24's own job executor settings (JobExecutor and the Spring Boot starter's pool,
   * acquisition in no particular order, jobs without a due date allowed).
   */
  static final List<String> CAMUNDA_DEFAULT_JOB_EXECUTOR = List.of(
      "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false",
      "--camunda.bpm.generic-properties.properties.ensure-job-due-date-not-null=false",
      "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
      "--camunda.bpm.job-execution.core-pool-size=3",
      "--camunda.bpm.job-execution.max-pool-size=10",
      "--camunda.bpm.job-execution.queue-capacity=3",
      "--camunda.bpm.job-execution.wait-time-in-millis=5000",
      "--camunda.bpm.job-execution.max-wait=60000",
      "--camunda.bpm.job-execution.lock-time-in-millis=300000",
      "--camunda.bpm.job-execution.backoff-time-in-millis=0",
      "--camunda.bpm.job-execution.max-backoff=0",
      "--camunda.bpm.job-execution.backoff-decrease-threshold=100");

  /**
   * How much work each phase does; {@code small} is a smoke run of a few minutes. The timer
   * and staff-query phases file {@code templates} cases of each kind through the API and make
   * the rest of their cases as copies of those ({@link CaseCopies}).
   */
  record Scale(String name, int intakeSeconds, int intakeRounds, int wholeCases, int wholeClients,
      int timerCases, int openCases, int queries, int templates, int largeQueueQueries) {
    static Scale of(String name) {
      Scale scale = named(name);
      // The open cases, the timer batches and the whole cases can be cut or grown for an A/B run (the report says how many).
      int openCases = Integer.getInteger("bench.openCases", scale.openCases());
      int timerCases = Integer.getInteger("bench.timerCases", scale.timerCases());
      int wholeCases = Integer.getInteger("bench.wholeCases", scale.wholeCases());
      return new Scale(scale.name(), scale.intakeSeconds(), scale.intakeRounds(), wholeCases,
          scale.wholeClients(), timerCases, openCases, scale.queries(), scale.templates(),
          scale.largeQueueQueries());
    }

    static Scale named(String name) {
      return switch (name) {
        case "small" -> new Scale("small", 4, 1, 60, 16, 300, 2_000, 200, 50, 40);
        case "full" -> new Scale("full", 15, 2, 1_000, 32, 10_000, 100_000, 400, 250, 60);
        default -> throw new IllegalArgumentException("bench.scale is small or full, not " + name);
      };
    }
  }

  /**
   * The service desk's share of the open cases in the staff-query phase: its queue of remote
   * diagnoses, answered within 4 working hours, holds a few hours' arrivals, while most open
   * cases wait for a parcel, a payment or a repair. The technicians' queue takes the rest, as
   * the worst case of one group's queue.
   */
  static final double DESK_SHARE = 0.05;

  final Scale scale;
  final Path projectDir;
  final Path outputDir;
  final String database;
  final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
  final HttpClient http;
  final Report report = new Report();
  final AtomicInteger serials = new AtomicInteger();
  App app;
  MemoryWatch memory;
  CaseCopies copies;
  Connection sql;
  java.util.concurrent.ScheduledExecutorService analyzer;

  Benchmark(Scale scale, Path projectDir) {
    this.scale = scale;
    this.projectDir = projectDir;
    this.outputDir = projectDir.resolve("target/benchmark");
    this.database = "rmaflow_bench_" + ProcessHandle.current().pid();
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static void main(String[] args) throws Exception {
    Scale scale = Scale.of(System.getProperty("bench.scale", "full"));
    Path projectDir = Path.of(System.getProperty("bench.projectDir", ".")).toAbsolutePath().normalize();
    Benchmark benchmark = new Benchmark(scale, projectDir);
    // Interrupted (Ctrl-C): still stop the app and drop the benchmark's database.
    Thread cleanUpOnExit = new Thread(benchmark::cleanUp);
    Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
    int status = 0;
    try {
      benchmark.run();
    } catch (Exception failed) {
      // A run that breaks fails the build; the HTTP client's threads would otherwise keep the JVM up.
      failed.printStackTrace();
      status = 1;
    } finally {
      benchmark.cleanUp();
      Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
    }
    // Missed targets are findings written to the report, not a broken build.
    System.exit(status);
  }

  boolean run() throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(outputDir);
    Files.deleteIfExists(outputDir.resolve("rma-flow.jar"));
    report.machine = Machine.describe(PG);
    report.scale = scale.name();
    log("RMA Flow benchmark, scale %s, database %s", scale.name(), database);
    try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
      admin.createStatement().execute("CREATE DATABASE " + database);
      // Diagnosis: -Dbench.logSlowMs=N puts the app's statements slower than N ms into PostgreSQL's
      // log with the plans they ran by (auto_explain, which times only the whole statement: the
      // figures stay as they are).
      String slow = System.getProperty("bench.logSlowMs", "");
      if (slow.matches("\\d+")) {
        admin.createStatement().execute("ALTER DATABASE " + database + " SET session_preload_libraries = 'auto_explain'");
        admin.createStatement().execute("ALTER DATABASE " + database + " SET auto_explain.log_min_duration = " + slow);
      }
    }
    sql = DriverManager.getConnection(PG + database, "postgres", "");
    sql.setAutoCommit(true);
    copies = new CaseCopies(sql);
    // Job due dates are written in the app's (this machine's) local time.
    sql.createStatement().execute("SET TIME ZONE '" + java.time.ZoneId.systemDefault().getId() + "'");
    standInForAutovacuum();
    startApp("shipped", List.of());
    prepareVanilla();

    // Both sides warm up first, so neither meets a cold JIT in its measured turn.
    runFor(8, scale.intakeSeconds(), new Load(), this::startVanilla);
    runFor(8, scale.intakeSeconds(), new Load(), () -> submit("I"));
    drainJobs();
    String phases = System.getProperty("bench.phases", "intake,whole,timers");
    if (phases.contains("intake")) {
      intake();
    }
    if (phases.contains("whole")) {
      wholeCasesAndFootprint();
    }
    if (phases.contains("timers")) {
      timerBacklogAndStaffQueries();
    }

    report.memory = memory.summary();
    report.durationSeconds = (System.nanoTime() - started) / 1e9;
    if (!phases.equals("intake,whole,timers")) {
      log("Only %s measured; docs/benchmarks.md is written by a run of every phase", phases);
      return false;
    }
    Path target = projectDir.resolve("docs/benchmarks.md");
    report.write(target);
    System.out.println();
    System.out.println(report.figures());
    log("Written to %s in %.0f s", target, report.durationSeconds);
    return report.allPassed();
  }

  // --- intake ------------------------------------------------------------------------------

  void intake() {
    for (int clients : new int[] {1, 8, 32}) {
      Load ours = new Load();
      Load vanilla = new Load();
      CpuMeter.Sample oursCpu = new CpuMeter.Sample(0, 0, 0);
      CpuMeter.Sample vanillaCpu = new CpuMeter.Sample(0, 0, 0);
      // Interleaved rounds, each after the previous round's async work is done, so both sides
      // meet the same machine, database size and caches. The CPU a side spends includes its
      // asynchronous steps, drained before the next round.
      for (int round = 0; round < scale.intakeRounds(); round++) {
        CpuMeter.Sample before = cpu();
        runFor(clients, scale.intakeSeconds(), vanilla, this::startVanilla);
        drainJobs();
        CpuMeter.Sample between = cpu();
        runFor(clients, scale.intakeSeconds(), ours, () -> submit("I"));
        drainJobs();
        vanillaCpu = add(vanillaCpu, between.minus(before));
        oursCpu = add(oursCpu, cpu().minus(between));
      }
      log("intake, %2d clients: ours %s | vanilla %s", clients, ours, vanilla);
      report.intake.put(clients, new Load[] {ours, vanilla});
      if (clients == 8 && CpuMeter.available()) {
        report.intakeCpu = new CpuMeter.Sample[] {oursCpu.per(ours.ok.get()), vanillaCpu.per(vanilla.ok.get())};
        log("intake CPU per request: ours %s | vanilla %s", report.intakeCpu[0].describe(), report.intakeCpu[1].describe());
      }
    }
  }

  boolean startVanilla() {
    Answer answer = call(BENCH_USER, "POST", "/engine-rest/process-definition/key/" + VANILLA + "/start",
        Map.of("businessKey", "V-" + runId + "-" + serials.incrementAndGet()));
    return answer.status() == 200;
  }

  /** Files a new in-warranty repair as a shop portal does; answers the RMA number, or null. */
  String submitCase(String kind) {
    return submitSerial(serialNumber(kind));
  }

  String submitSerial(String serialNumber) {
    Answer answer = call("portal", "POST", "/api/rmas", application(serialNumber));
    return answer.status() == 201 ? answer.body().path("rmaNumber").asText() : null;
  }

  boolean submit(String kind) {
    return submitCase(kind) != null;
  }

  String serialNumber(String kind) {
    return "BENCH-" + runId + "-" + kind + "-" + serials.incrementAndGet();
  }

  static Map<String, Object> application(String serialNumber) {
    return ApiClient.application(serialNumber, "li.wei@example.com", "OFFICIAL_STORE", LocalDate.now(TestClock.CENTRE).minusMonths(2));
  }

  // --- whole cases and footprint -----------------------------------------------------------

  void wholeCasesAndFootprint() throws Exception {
    drainJobs();
    long before = compactedDatabaseBytes();
    Map<String, Long> tablesBefore = tableBytes();
    Load ours = new Load();
    CpuMeter.Sample cpuBefore = cpu();
    runCount(scale.wholeClients(), scale.wholeCases(), ours, this::inWarrantyRepair);
    drainJobs();
    CpuMeter.Sample cpuOurs = cpu().minus(cpuBefore);
    long afterOurs = compactedDatabaseBytes();
    report.bytesPerCaseByTable = growthPerCase(tablesBefore, tableBytes(), ours.ok.get());
    Load vanilla = new Load();
    cpuBefore = cpu();
    runCount(scale.wholeClients(), scale.wholeCases(), vanilla, this::vanillaInstance);
    drainJobs();
    CpuMeter.Sample cpuVanilla = cpu().minus(cpuBefore);
    long afterVanilla = compactedDatabaseBytes();
    log("whole cases: ours %s | vanilla %s", ours, vanilla);
    if (CpuMeter.available()) {
      report.wholeCpu = new CpuMeter.Sample[] {cpuOurs.per(ours.ok.get()), cpuVanilla.per(vanilla.ok.get())};
      log("whole-case CPU per case: ours %s | vanilla %s", report.wholeCpu[0].describe(), report.wholeCpu[1].describe());
    }
    report.whole = new Load[] {ours, vanilla};
    report.wholeClients = scale.wholeClients();
    report.bytesPerCase = new double[] {
        (afterOurs - before) / (double) ours.ok.get(), (afterVanilla - afterOurs) / (double) vanilla.ok.get()};
    report.historyLevel = queryString("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'");
    log("footprint: ours %.0f bytes per closed case, vanilla %.0f bytes per ended instance (history level %s)",
        report.bytesPerCase[0], report.bytesPerCase[1], report.historyLevel);
    report.bytesPerCaseByTable.forEach((table, bytes) -> log("footprint: %s %.0f bytes per closed case", table, bytes));
  }

  /** The in-warranty path of a whole case, over HTTP only: portal for the customer, staff as in Tasklist. */
  boolean inWarrantyRepair() {
    String serial = serialNumber("W");
    String rma = toDiagnosis(serial);
    if (rma == null) {
      return false;
    }
    complete("tech", rma, "diagnoseFault", Map.of("faultCause", "MANUFACTURING_DEFECT", "proofOfPurchaseValid", true,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50.5));
    complete("tech", rma, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-1"));
    complete("qa", rma, "qualityCheck", Map.of("qualityPassed", true));
    complete("logistics", rma, "shipDevice", Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-" + rma));
    awaitStatus(serial, "CLOSED");
    return true;
  }

  /** A case from its submission to the technicians' diagnosis: sent in, shipped, arrived, inspected. */
  String toDiagnosis(String serial) {
    String rma = submitSerial(serial);
    if (rma == null) {
      return null;
    }
    complete("desk", rma, "remoteDiagnosis", Map.of("remoteOutcome", "SEND_IN"));
    awaitStatus(serial, "AWAITING_DEVICE");
    expect(202, call("portal", "POST", "/api/rmas/" + rma + "/shipments",
        Map.of("carrier", "SF Express", "trackingNumber", "SF" + rma)));
    expect(202, call("portal", "POST", "/api/rmas/" + rma + "/arrival", Map.of("trackingNumber", "SF" + rma)));
    complete("dock", rma, "inspectParcel", Map.of("parcelCondition", "INTACT", "serialMatches", true));
    return rma;
  }

  boolean vanillaInstance() {
    Answer started = call(BENCH_USER, "POST", "/engine-rest/process-definition/key/" + VANILLA + "/start",
        Map.of("businessKey", "VW-" + runId + "-" + serials.incrementAndGet()));
    expect(200, started);
    String task = poll("the yardstick's task", () -> {
      JsonNode tasks = call(BENCH_USER, "GET", "/engine-rest/task?processInstanceId="
          + started.body().path("id").asText(), null).body();
      return tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
    });
    expect(204, call(BENCH_USER, "POST", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of())));
    return true;
  }

  /** A staff member finds the case's task and completes it through the engine REST API, as Tasklist does. */
  void complete(String login, String rma, String taskKey, Map<String, Object> results) {
    String task = poll(taskKey + " of " + rma, () -> {
      JsonNode tasks = call(login, "GET", "/engine-rest/task?processInstanceBusinessKey=" + rma
          + "&taskDefinitionKey=" + taskKey, null).body();
      return tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
    });
    Map<String, Object> variables = new HashMap<>();
    results.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    expect(204, call(login, "POST", "/engine-rest/task/" + task + "/complete", Map.of("variables", variables)));
  }

  /** Polls the case's status as a portal would, through the search (the case file only, no engine reads). */
  void awaitStatus(String serialNumber, String status) {
    poll(serialNumber + " " + status, () -> status.equals(call("portal", "GET", "/api/rmas?serialNumber=" + serialNumber,
        null).body().path("items").path(0).path("status").asText()) ? status : null);
  }

  /** Each table's size with its indexes and TOAST, so that the footprint says where its bytes are. */
  Map<String, Long> tableBytes() throws SQLException {
    Map<String, Long> sizes = new HashMap<>();
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind = 'r'")) {
      while (rows.next()) {
        sizes.put(rows.getString(1), rows.getLong(2));
      }
    }
    return sizes;
  }

  /** The tables that grew, largest growth first, in bytes per case. */
  static Map<String, Double> growthPerCase(Map<String, Long> before, Map<String, Long> after, long cases) {
    Map<String, Double> growth = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(table -> Map.entry(table.getKey(), table.getValue() - before.getOrDefault(table.getKey(), 0L)))
        .filter(table -> table.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(table -> growth.put(table.getKey(), table.getValue() / (double) cases));
    return growth;
  }

  long compactedDatabaseBytes() throws SQLException {
    try (Statement statement = sql.createStatement()) {
      statement.execute("VACUUM FULL");
    }
    return queryLong("SELECT pg_database_size(current_database())");
  }

  // --- timer backlog and staff queries -----------------------------------------------------

  void timerBacklogAndStaffQueries() throws Exception {
    int perSide = scale.timerCases();
    int templates = Math.min(scale.templates(), perSide);
    log("bringing %d + %d cases to the wait for the parcel, %d of each through the API", perSide, perSide, templates);
    Load setup = new Load();
    List<String> first = file(templates, setup, () -> awaitingDevice("T1"));
    List<String> second = file(templates, setup, () -> awaitingDevice("T2"));
    drainJobs();
    report.filedCases += first.size() + second.size();
    copyTo(first, perSide);
    copyTo(second, perSide);
    Load vanillaSetup = new Load();
    runCount(32, perSide, vanillaSetup, this::startVanilla);
    log("set-up of the timer cases: %s", setup);

    // The service desk's queue: the cases the intake phase left there, and copies of them.
    int deskWanted = (int) Math.round(scale.openCases() * DESK_SHARE);
    List<String> desk = deskCases();
    if (desk.isEmpty()) {
      report.filedCases += file(templates, new Load(), () -> submitCase("D")).size();
      drainJobs();
      desk = deskCases();
    }
    copyTo(desk, deskWanted);

    // The technicians' queue takes the rest of the open cases.
    int open = (int) queryLong("SELECT count(*) FROM rma_case WHERE status <> 'CLOSED'");
    int missing = Math.max(0, scale.openCases() - open);
    log("%d open cases; %d more in the technicians' queue to reach %d", open, missing, scale.openCases());
    if (missing > 0) {
      Load diagnosis = new Load();
      List<String> inDiagnosis = file(Math.min(templates, missing), diagnosis, () -> toDiagnosis(serialNumber("Q")));
      drainJobs();
      report.filedCases += inDiagnosis.size();
      log("cases brought to the diagnosis through the API: %s", diagnosis);
      copyTo(inDiagnosis, missing);
    }
    analyze();
    staffQueries();

    // Each side drains a backlog of its own in a warm app: shipped settings first, in the app
    // that has run every load so far, then Camunda's defaults after a restart and a warm-up.
    report.timers = new double[3];
    report.timerCases = perSide;
    report.timers[0] = drainTimers("T1", "RMA Flow, shipped settings");
    report.timers[2] = drainVanillaTimers(perSide);
    stopApp();
    startApp("Camunda default job executor", CAMUNDA_DEFAULT_JOB_EXECUTOR);
    Load warmUp = new Load();
    runFor(8, scale.intakeSeconds() * 2, warmUp, () -> submit("I"));
    drainJobs();
    report.timers[1] = drainTimers("T2", "RMA Flow, Camunda default settings");
  }

  List<String> deskCases() throws SQLException {
    return queryStrings("SELECT e.business_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
        + " WHERE t.task_def_key_ = 'remoteDiagnosis'");
  }

  /** Files {@code count} cases by 32 clients at once; answers the RMA numbers of those filed. */
  List<String> file(int count, Load load, Probe<String> filing) {
    ConcurrentLinkedQueue<String> filed = new ConcurrentLinkedQueue<>();
    runCount(32, count, load, () -> {
      String rma = filing.get();
      if (rma != null) {
        filed.add(rma);
      }
      return rma != null;
    });
    return new ArrayList<>(filed);
  }

  /** Adds copies of the given waiting cases until there are {@code wanted} of them and their copies. */
  void copyTo(List<String> templates, int wanted) throws SQLException {
    int missing = wanted - templates.size();
    if (missing <= 0) {
      return;
    }
    long started = System.nanoTime();
    int each = missing / templates.size();
    int oneMore = missing % templates.size();
    int made = copies.copy(templates.subList(0, oneMore), each + 1) + copies.copy(templates.subList(oneMore, templates.size()), each);
    report.copiedCases += made;
    log("made %d copies of %d waiting cases in %.0f s", made, templates.size(), (System.nanoTime() - started) / 1e9);
  }

  void analyze() throws SQLException {
    try (Statement statement = sql.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  String awaitingDevice(String kind) {
    String rma = submitCase(kind);
    if (rma == null) {
      return null;
    }
    complete("desk", rma, "remoteDiagnosis", Map.of("remoteOutcome", "SEND_IN"));
    return rma;
  }

  void staffQueries() throws Exception {
    report.openCases = queryLong("SELECT count(*) FROM rma_case WHERE status <> 'CLOSED'");
    report.openVanilla = queryLong("SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
        + " WHERE e.parent_id_ IS NULL AND d.key_ = '" + VANILLA + "'");
    report.deskTasks = queryLong("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'remoteDiagnosis'");
    report.technicianTasks = queryLong("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'diagnoseFault'");
    String deskFilter = filterId("desk", "Service desk");
    String technicianFilter = filterId("tech", "Technicians");
    String vanillaFilter = filterId(BENCH_USER, "Benchmark yardstick");
    Load ours = new Load();
    Load vanilla = new Load();
    Load largeQueue = new Load();
    // Tasklist's list request: the group's filter, first page, with the filter's variables (HAL).
    for (int i = 0; i < scale.queries(); i++) {
      Load target = i < 20 ? new Load() : vanilla;
      timed(target, () -> tasklistPage(BENCH_USER, vanillaFilter));
      timed(i < 20 ? new Load() : ours, () -> tasklistPage("desk", deskFilter));
    }
    for (int i = 0; i < scale.largeQueueQueries(); i++) {
      timed(i < 3 ? new Load() : largeQueue, () -> tasklistPage("tech", technicianFilter));
    }
    // Tasklist opened by a login of two groups: its first filter, the service desk's.
    twoGroupLogin();
    String twoGroupsFilter = filterId(TWO_GROUPS, "Service desk");
    Load twoGroups = new Load();
    for (int i = 0; i < scale.queries() / 2; i++) {
      timed(i < 10 ? new Load() : twoGroups, () -> tasklistPage(TWO_GROUPS, twoGroupsFilter));
    }
    report.staff = new Load[] {ours, vanilla, largeQueue, twoGroups};
    caseSearch();
    log("staff queries with %d open cases: desk (%d tasks) %s | technicians (%d tasks) %s | vanilla (%d open) %s",
        report.openCases, report.deskTasks, ours, report.technicianTasks, largeQueue, report.openVanilla, vanilla);
  }

  void twoGroupLogin() {
    expect(200, call("admin", "POST", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", TWO_GROUPS, "firstName", "Desk", "lastName", "Dock", "email", "deskdock@rmaflow.example"),
        "credentials", Map.of("password", password(TWO_GROUPS)))), 204);
    for (String group : List.of("service-desk", "receiving")) {
      expect(204, call("admin", "PUT", "/engine-rest/group/" + group + "/members/" + TWO_GROUPS, null));
    }
  }

  /** The shop portal's case search among every case of this phase: by serial number, by status, by e-mail. */
  void caseSearch() throws SQLException {
    report.allCases = queryLong("SELECT count(*) FROM rma_case");
    List<String> serials = queryStrings("SELECT serial_number FROM rma_case ORDER BY md5(rma_number) LIMIT 200");
    List<String> searches = new ArrayList<>();
    for (int i = 0; i < serials.size(); i++) {
      searches.add(switch (i % 3) {
        case 0 -> "serialNumber=" + java.net.URLEncoder.encode(serials.get(i), StandardCharsets.UTF_8);
        case 1 -> "status=" + List.of("AWAITING_DEVICE", "IN_DIAGNOSIS", "IN_REMOTE_DIAGNOSIS").get(i % 9 / 3) + "&size=20";
        default -> "email=li.wei%40example.com&size=20";
      });
    }
    Load search = new Load();
    for (int i = 0; i < searches.size() + 30; i++) {
      String query = searches.get(i % searches.size());
      timed(i < 30 ? new Load() : search, () -> {
        expect(200, call("portal", "GET", "/api/rmas?" + query, null));
        return true;
      });
    }
    report.search = search;
    log("case search among %d cases: %s", report.allCases, search);
  }

  boolean tasklistPage(String login, String filterId) {
    Answer answer = call(login, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        Map.of(), "application/hal+json");
    expect(200, answer);
    int listed = answer.body().path("_embedded").path("task").size();
    if (listed != 15) {
      throw new IllegalStateException("a page of " + listed + " tasks, of " + answer.body().path("count").asText());
    }
    return true;
  }

  String filterId(String login, String name) {
    JsonNode filters = call(login, "GET", "/engine-rest/filter?resourceType=Task&name="
        + name.replace(" ", "%20"), null).body();
    if (filters.size() != 1) {
      throw new IllegalStateException("filter " + name + " not visible to " + login + ": " + filters);
    }
    return filters.get(0).path("id").asText();
  }

  /**
   * Lets 15 days pass for one batch (their close timers fall due at once, as after a holiday
   * or an outage) and times the running app's job executor closing them, from the first
   * closing to the last.
   */
  double drainTimers(String kind, String label) throws Exception {
    String batch = "BENCH-" + runId + "-" + kind + "-%";
    int due = update("UPDATE act_ru_job SET duedate_ = ? WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef"
        + " WHERE act_id_ = 'Timer_ParcelNotReceived') AND process_instance_id_ IN (SELECT e.id_ FROM act_ru_execution e"
        + " JOIN rma_case c ON c.rma_number = e.business_key_ WHERE e.parent_id_ IS NULL AND c.serial_number LIKE ?)",
        new Timestamp(System.currentTimeMillis() - 60_000), batch);
    log("%s: %d close timers due", label, due);
    String closed = "FROM rma_case WHERE status = 'CLOSED' AND resolution = 'CLOSED_NOT_RECEIVED' AND serial_number LIKE '"
        + batch + "'";
    pollSql(label, "SELECT count(*) " + closed, due, Duration.ofMinutes(30));
    // The engine's end times (milliseconds), as for the yardstick; the case file keeps seconds.
    double seconds = queryDouble("SELECT EXTRACT(EPOCH FROM max(p.end_time_) - min(p.end_time_)) FROM act_hi_procinst p"
        + " JOIN rma_case c ON c.rma_number = p.business_key_ WHERE c.resolution = 'CLOSED_NOT_RECEIVED'"
        + " AND c.serial_number LIKE '" + batch + "'");
    double rate = (due - 1) / Math.max(seconds, 0.001);
    log("%s: %d closures drained in %.1f s, %.0f per second", label, due, seconds, rate);
    return rate;
  }

  /**
   * The yardstick's 15-day timers drained the same way, a batch of the same size (for context):
   * its longest-waiting instances', as many as each side's batch.
   */
  double drainVanillaTimers(int batch) throws Exception {
    String vanillaJobs = "job_def_id_ IN (SELECT j.id_ FROM act_ru_jobdef j JOIN act_re_procdef d"
        + " ON d.id_ = j.proc_def_id_ WHERE d.key_ = '" + VANILLA + "')";
    long waiting = queryLong("SELECT count(*) FROM act_ru_job WHERE " + vanillaJobs);
    int due = update("UPDATE act_ru_job SET duedate_ = ? WHERE id_ IN (SELECT id_ FROM act_ru_job WHERE "
        + vanillaJobs + " ORDER BY duedate_, id_ LIMIT ?)", new Timestamp(System.currentTimeMillis() - 60_000), batch);
    log("yardstick: %d of %d timers due", due, waiting);
    pollSql("yardstick timers", "SELECT " + (waiting - due) + " - count(*) FROM act_ru_job WHERE " + vanillaJobs, 0,
        Duration.ofMinutes(30));
    String ended = " FROM act_hi_procinst WHERE proc_def_key_ = '" + VANILLA + "' AND end_act_id_ = 'TimedOut'";
    double seconds = queryDouble("SELECT EXTRACT(EPOCH FROM max(end_time_) - min(end_time_))" + ended);
    double rate = (queryLong("SELECT count(*)" + ended) - 1) / Math.max(seconds, 0.001);
    log("yardstick: %d timers drained in %.1f s, %.0f per second", due, seconds, rate);
    return rate;
  }

  /**
   * A production server analyzes its tables as they grow (autovacuum). Where it is switched off,
   * as on some CI machines, the planner keeps the statistics of empty tables and picks scans
   * that no production database would; the benchmark then analyzes its database every minute.
   */
  void standInForAutovacuum() throws SQLException {
    if (!"off".equals(queryString("SHOW autovacuum"))) {
      return;
    }
    report.analyzedByBenchmark = true;
    log("autovacuum is off on this server: the benchmark analyzes its database every minute instead");
    Connection maintenance = DriverManager.getConnection(PG + database, "postgres", "");
    maintenance.setAutoCommit(true);
    analyzer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "analyze");
      thread.setDaemon(true);
      return thread;
    });
    analyzer.scheduleWithFixedDelay(() -> {
      try (Statement statement = maintenance.createStatement()) {
        statement.execute("ANALYZE");
      } catch (SQLException failed) {
        System.err.println("  ANALYZE failed: " + failed.getMessage());
      }
    }, 60, 60, TimeUnit.SECONDS);
  }

  // --- the app -----------------------------------------------------------------------------

  void startApp(String label, List<String> extraArgs) throws Exception {
    Path jar = outputDir.resolve("rma-flow.jar");
    if (!Files.exists(jar)) {
      // A copy: a build in the same worktree may rewrite target/*.jar while the app runs.
      try (var jars = Files.list(projectDir.resolve("target"))) {
        Files.copy(jars.filter(p -> p.getFileName().toString().matches("rma-flow-.*\\.jar")).findFirst()
            .orElseThrow(() -> new IllegalStateException("no packaged jar in target/; run through the benchmark profile")),
            jar);
      }
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
        "-jar", jar.toString(), "--server.port=" + port, "--rma.demo.enabled=true", "--rma.demo.applications=false"));
    // Diagnosis: -Dbench.appJvmArgs="-XX:StartFlightRecording=..." profiles the app.
    String jvmArgs = System.getProperty("bench.appJvmArgs", "").strip();
    if (!jvmArgs.isEmpty()) {
      command.addAll(1, List.of(jvmArgs.split("\\s+")));
    }
    command.addAll(extraArgs);
    Path logFile = outputDir.resolve("app-" + label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
    builder.environment().put("RMA_DB_URL", PG + database);
    builder.environment().put("RMA_DB_USER", "postgres");
    builder.environment().put("RMA_DB_PASSWORD", "");
    app = new App(builder.start(), port, logFile);
    poll("the app (" + label + ") to start", Duration.ofMinutes(3), () -> {
      if (!app.process().isAlive()) {
        throw new IllegalStateException("the app exited; see " + logFile);
      }
      try {
        return call(null, "GET", "/api/actuator/health", null).status() == 200 ? "up" : null;
      } catch (UncheckedIOException notYet) {
        return null;
      }
    });
    if (memory == null) {
      memory = new MemoryWatch(this);
    }
    memory.watch(app);
    log("app up (%s) on port %d, pid %d", label, port, app.process().pid());
  }

  void stopApp() throws Exception {
    memory.sample();
    memory.checkLog(app.log());
    app.process().destroy();
    if (!app.process().waitFor(2, TimeUnit.MINUTES)) {
      app.process().destroyForcibly().waitFor();
    }
  }

  /** The yardstick model, deployed through the engine REST API, and a login that may start it. */
  void prepareVanilla() throws IOException {
    byte[] model = Benchmark.class.getResourceAsStream("/benchmark/bench-vanilla.bpmn").readAllBytes();
    String boundary = "----rmaflow-bench-" + runId;
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + VANILLA
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-vanilla.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), model, tail);
    HttpRequest request = HttpRequest.newBuilder(app.uri("/engine-rest/deployment/create"))
        .header("Authorization", basic("admin")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    expect(200, send(request));
    expect(200, call("admin", "POST", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", BENCH_USER, "firstName", "Bench", "lastName", "Client", "email", "bench@rmaflow.example"),
        "credentials", Map.of("password", password(BENCH_USER)))), 204);
    expect(200, call("admin", "POST", "/engine-rest/group/create",
        Map.of("id", BENCH_GROUP, "name", "Benchmark clients", "type", "WORKFLOW")), 204);
    expect(204, call("admin", "PUT", "/engine-rest/group/" + BENCH_GROUP + "/members/" + BENCH_USER, null));
    // As narrow as the portal's grants: start this one process, read and work its tasks.
    grant(8, "*", "CREATE");
    grant(6, VANILLA, "READ", "CREATE_INSTANCE");
    JsonNode filter = call("admin", "POST", "/engine-rest/filter/create", Map.of(
        "resourceType", "Task", "name", "Benchmark yardstick",
        "query", Map.of("candidateGroup", BENCH_GROUP, "includeAssignedTasks", true, "sorting", List.of(
            Map.of("sortBy", "priority", "sortOrder", "desc"), Map.of("sortBy", "dueDate", "sortOrder", "asc"),
            Map.of("sortBy", "created", "sortOrder", "asc"))),
        "properties", Map.of("priority", 1))).body();
    grant(5, filter.path("id").asText(), "READ");
  }

  void grant(int resourceType, String resourceId, String... permissions) {
    expect(200, call("admin", "POST", "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of(permissions), "groupId", BENCH_GROUP, "resourceType", resourceType,
        "resourceId", resourceId)));
  }

  synchronized void cleanUp() {
    try {
      if (analyzer != null) {
        analyzer.shutdownNow();
        analyzer.awaitTermination(2, TimeUnit.MINUTES);
      }
      if (app != null && app.process().isAlive()) {
        app.process().destroy();
        if (!app.process().waitFor(1, TimeUnit.MINUTES)) {
          app.process().destroyForcibly();
        }
      }
      if (sql != null) {
        sql.close();
      }
      try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    } catch (Exception failed) {
      System.err.println("Clean-up incomplete: " + failed);
    }
  }

  /** The CPU time used so far; zeros where {@code /proc} is not there to read. */
  CpuMeter.Sample cpu() {
    return CpuMeter.available() ? CpuMeter.sample(app.process().pid()) : new CpuMeter.Sample(0, 0, 0);
  }

  static CpuMeter.Sample add(CpuMeter.Sample a, CpuMeter.Sample b) {
    return new CpuMeter.Sample(a.app() + b.app(), a.postgres() + b.postgres(), a.loadGenerator() + b.loadGenerator());
  }

  // --- load --------------------------------------------------------------------------------

  interface Op {
    boolean run();
  }

  /** Counts, errors and latencies of one kind of call; rounds add up. */
  static final class Load {
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

    double perSecond() {
      return ok.get() / Math.max(nanos.get() / 1e9, 1e-9);
    }

    double percentileMillis(double p) {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    @Override
    public String toString() {
      String rate = nanos.get() > 0 ? String.format(Locale.ROOT, ", %.1f/s", perSecond()) : "";
      return String.format(Locale.ROOT, "%d ok, %d errors%s, p50 %.1f ms, p99 %.1f ms", ok.get(), errors.get(), rate,
          percentileMillis(50), percentileMillis(99));
    }
  }

  void runFor(int clients, int seconds, Load load, Op op) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    runClients(clients, load, () -> System.nanoTime() < deadline, op);
  }

  void runCount(int clients, int count, Load load, Op op) {
    AtomicInteger left = new AtomicInteger(count);
    runClients(clients, load, () -> left.getAndDecrement() > 0, op);
  }

  void runClients(int clients, Load load, java.util.function.BooleanSupplier more, Op op) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        running.add(pool.submit(() -> {
          while (more.getAsBoolean()) {
            timed(load, op);
          }
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } catch (Exception failed) {
      throw new IllegalStateException(failed);
    } finally {
      pool.shutdownNow();
    }
    load.nanos.addAndGet(System.nanoTime() - start);
  }

  static void timed(Load load, Op op) {
    long start = System.nanoTime();
    boolean ok;
    try {
      ok = op.run();
    } catch (RuntimeException failed) {
      ok = false;
      if (load.errors.get() < 5) {
        System.err.println("  failed: " + failed.getMessage());
      }
    }
    long took = System.nanoTime() - start;
    if (ok) {
      load.ok.incrementAndGet();
      load.latencies.add(took);
    } else {
      load.errors.incrementAndGet();
    }
  }

  /** Waits until the job executor has run every due job (async steps, notices). */
  void drainJobs() {
    try {
      pollSql("due jobs drained", "SELECT -count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1"
          + " AND (duedate_ IS NULL OR duedate_ <= now()::timestamp)", 0, Duration.ofMinutes(60));
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  // --- HTTP --------------------------------------------------------------------------------

  record Answer(int status, JsonNode body) {}

  record App(Process process, int port, Path log) {
    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  Answer call(String login, String method, String path, Object body) {
    return call(login, method, path, body, "application/json");
  }

  Answer call(String login, String method, String path, Object body, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Accept", accept);
    if (login != null) {
      request.header("Authorization", basic(login));
    }
    try {
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return send(request.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = response.body();
      JsonNode json = bytes.length == 0 ? JSON.missingNode() : readJson(bytes);
      return new Answer(response.statusCode(), json);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  static JsonNode readJson(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  static String password(String login) {
    return BENCH_USER.equals(login) ? "bench-" + BENCH_USER : login;
  }

  static String basic(String login) {
    return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password(login)).getBytes(StandardCharsets.UTF_8));
  }

  static void expect(int status, Answer answer, int... alternatives) {
    if (answer.status() == status || Arrays.stream(alternatives).anyMatch(s -> s == answer.status())) {
      return;
    }
    throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.body());
  }

  static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  // --- polling and SQL ---------------------------------------------------------------------

  interface Probe<T> {
    T get();
  }

  <T> T poll(String what, Probe<T> probe) {
    return poll(what, Duration.ofSeconds(120), probe);
  }

  /** Asks again with growing pauses (10 ms to 250 ms) until the probe answers, within a bound. */
  static <T> T poll(String what, Duration within, Probe<T> probe) {
    long deadline = System.nanoTime() + within.toNanos();
    long pause = 10;
    while (true) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(pause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
      pause = Math.min(250, pause * 3 / 2 + 1);
    }
  }

  /** Polls a count query until it reaches the target; answers the first value seen. */
  long pollSql(String what, String query, long target, Duration within) throws SQLException {
    long[] first = {Long.MIN_VALUE};
    poll(what, within, () -> {
      long value;
      try {
        value = queryLong(query);
      } catch (SQLException failed) {
        throw new IllegalStateException(failed);
      }
      if (first[0] == Long.MIN_VALUE) {
        first[0] = value;
      }
      return value >= target ? value : null;
    });
    return first[0];
  }

  long queryLong(String query) throws SQLException {
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  double queryDouble(String query) throws SQLException {
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getDouble(1);
    }
  }

  List<String> queryStrings(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  String queryString(String query) throws SQLException {
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  int update(String statementText, Object... parameters) throws SQLException {
    try (PreparedStatement statement = sql.prepareStatement(statementText)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  static void log(String format, Object... arguments) {
    System.out.printf(Locale.ROOT, "[%s] %s%n",
        OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss")),
        String.format(Locale.ROOT, format, arguments));
  }
}
