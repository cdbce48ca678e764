package io.rmaflow.benchmark;

import io.rmaflow.benchmark.Benchmark.Load;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run, each beside its yardstick and target, as {@code docs/benchmarks.md}. */
final class Report {

  /** The hand-written analysis below this heading survives each run. */
  static final String NOTES = "## Notes";
  static final Map<String, String> HISTORY_LEVELS = Map.of("0", "none", "1", "activity", "2", "audit", "3", "full");

  Machine machine;
  String scale;
  double durationSeconds;
  final Map<Integer, Load[]> intake = new LinkedHashMap<>();
  Load[] whole;
  /** CPU per accepted request at 8 clients and per whole case, ours then the yardstick's; null without /proc. */
  CpuMeter.Sample[] intakeCpu;
  CpuMeter.Sample[] wholeCpu;
  int wholeClients;
  double[] bytesPerCase;
  /** Our side's growth per closed case by table (with its indexes), largest first. */
  Map<String, Double> bytesPerCaseByTable = Map.of();
  String historyLevel;
  boolean analyzedByBenchmark;
  double[] timers;
  int timerCases;
  Load[] staff;
  /** The case search of shop portals and staff, with every case of the staff-query phase in the database. */
  Load search;
  long allCases;
  long openCases;
  long openVanilla;
  long deskTasks;
  long technicianTasks;
  /** Cases of the timer and staff-query phases filed through the API, and those copied from them. */
  int filedCases;
  int copiedCases;
  MemoryWatch.Summary memory;
  final List<String> verdicts = new ArrayList<>();

  boolean allPassed() {
    return verdicts.stream().allMatch(v -> v.startsWith("PASS"));
  }

  String figures() {
    verdicts.clear();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Run of %s (UTC), scale `%s`, %.0f s in all.%n%n",
        OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), scale,
        durationSeconds));
    out.append("Machine: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
        .append(machine.memory()).append(" RAM; ").append(machine.os()).append("; Java ").append(machine.java())
        .append("; ").append(machine.postgres()).append(" on loopback.\n\n");
    out.append("The yardstick is a plain Camunda 7.24 process (start, user task with a 15-day timer, end) deployed by\n")
        .append("the benchmark into the same app and database, started and worked through `/engine-rest` by a\n")
        .append("non-admin login with the same HTTP Basic authentication; both sides run in turns in one run.\n\n");
    if (analyzedByBenchmark) {
      out.append("This server runs with autovacuum off; the benchmark ran `ANALYZE` on its database every minute\n")
          .append("instead, so that the planner knew the tables' sizes as on a production server.\n\n");
    }

    out.append("### Summary\n\n| figure | RMA Flow | yardstick | ratio | target | result |\n|---|---|---|---|---|---|\n");
    Load[] eight = intake.get(8);
    double intakeRatio = eight[0].perSecond() / eight[1].perSecond();
    row(out, "intake at 8 clients, requests/s", f1(eight[0].perSecond()), f1(eight[1].perSecond()), intakeRatio,
        ">= 0.8 x yardstick", atLeast(intakeRatio, 0.8, "x"));
    if (wholeCpu != null) {
      row(out, "CPU per whole in-warranty case, ms (app + PostgreSQL + load generator)", f0(wholeCpu[0].total() * 1000),
          f0(wholeCpu[1].total() * 1000), wholeCpu[0].total() / wholeCpu[1].total(), "<= 170 ms",
          atMost(wholeCpu[0].total() * 1000, 170, " ms"));
    }
    row(out, "15-day closures drained/s, shipped settings against Camunda's default job executor", f0(timers[0]),
        f0(timers[1]) + " (defaults)", timers[0] / timers[1], ">= 2.0 x defaults", atLeast(timers[0] / timers[1], 2.0, "x"));
    double p99 = staff[0].percentileMillis(99);
    row(out, "Tasklist list p99, ms: the service desk's queue of " + deskTasks + " among " + openCases
        + " open cases", f1(p99), f1(staff[1].percentileMillis(99)), p99 / staff[1].percentileMillis(99), "<= 100 ms",
        atMost(p99, 100, " ms"));
    double largeP99 = staff[2].percentileMillis(99);
    row(out, "same, the technicians' queue of " + technicianTasks + " (one queue holding most open cases)",
        f1(largeP99), f1(staff[1].percentileMillis(99)), largeP99 / staff[1].percentileMillis(99), "<= 250 ms",
        atMost(largeP99, 250, " ms"));
    if (staff.length > 3) {
      double twoGroups = staff[3].percentileMillis(99);
      row(out, "same, Tasklist's first page for a login of two groups (service desk and receiving dock)",
          f1(twoGroups), f1(staff[1].percentileMillis(99)), twoGroups / staff[1].percentileMillis(99), "<= 100 ms",
          atMost(twoGroups, 100, " ms"));
    }
    if (search != null) {
      double searchP99 = search.percentileMillis(99);
      row(out, "`GET /api/rmas` search p99, ms, among " + allCases + " cases (by serial number, status, e-mail)",
          f1(searchP99), "", Double.NaN, "<= 100 ms", atMost(searchP99, 100, " ms"));
    }
    row(out, "database bytes per closed case (history " + HISTORY_LEVELS.getOrDefault(historyLevel, historyLevel) + ")",
        f0(bytesPerCase[0]), f0(bytesPerCase[1]), bytesPerCase[0] / bytesPerCase[1], "<= 40 KB",
        atMost(bytesPerCase[0] / 1000, 40, " KB"));
    boolean memoryOk = !memory.outOfMemory() && memory.appExits() == 0 && intake.values().stream()
        .allMatch(loads -> loads[0].errors.get() == 0) && whole[0].errors.get() == 0;
    String memoryVerdict = memoryOk ? "PASS" : "MISS: " + (memory.outOfMemory() ? "out of memory" : "failed requests under load");
    verdicts.add(memoryVerdict);
    out.append(String.format(Locale.ROOT, "| memory with -Xmx512m: peak heap used %s MB, peak RSS %s MB | no OOM, %d failed requests | | | passes the loads | %s |%n",
        f0(memory.peakHeapMb()), f0(memory.peakRssMb()),
        intake.values().stream().mapToInt(l -> l[0].errors.get()).sum() + whole[0].errors.get(), memoryVerdict));

    out.append("\n### Intake: `POST /api/rmas` against `POST /engine-rest/process-definition/key/…/start`\n\n")
        .append("| clients | RMA Flow req/s | p50 ms | p99 ms | errors | yardstick req/s | p50 ms | p99 ms | ratio |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    intake.forEach((clients, loads) -> out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %d | %s | %s | %s | %.2f |%n",
        clients, f1(loads[0].perSecond()), f1(loads[0].percentileMillis(50)), f1(loads[0].percentileMillis(99)),
        loads[0].errors.get(), f1(loads[1].perSecond()), f1(loads[1].percentileMillis(50)),
        f1(loads[1].percentileMillis(99)), loads[0].perSecond() / loads[1].perSecond())));

    if (intakeCpu != null) {
      out.append(String.format(Locale.ROOT, "%nCPU per accepted request at 8 clients, its asynchronous first steps"
          + " included: RMA Flow %s; yardstick %s.%n", intakeCpu[0].describe(), intakeCpu[1].describe()));
    }

    out.append(String.format(Locale.ROOT, "%n### Whole cases%n%n%d in-warranty repairs by %s clients at once, each from"
        + " submission to `CLOSED`: %s. Yardstick (start, complete the task, ended): %s.%n",
        whole[0].ok.get() + whole[0].errors.get(), wholeClients, whole[0], whole[1]));
    if (wholeCpu != null) {
      out.append(String.format(Locale.ROOT, "%nCPU per closed case: RMA Flow %s; yardstick %s per ended instance."
          + " With %d cores fully busy, that alone allows at most %.1f cases/s and %.1f yardstick instances/s.%n",
          wholeCpu[0].describe(), wholeCpu[1].describe(), machine.cores(), machine.cores() / wholeCpu[0].total(),
          machine.cores() / wholeCpu[1].total()));
    }
    out.append(String.format(Locale.ROOT, "%n### Timer backlog%n%n%d close timers of cases waiting for their parcel"
        + " made due at once in the running app, with %d open cases in the database, and timed from the first"
        + " closing to the last: shipped settings %s/s; Camunda's default job executor settings (the app"
        + " restarted with them and warmed up) %s/s, on a second batch of the same size; the yardstick's"
        + " 15-day timers, a batch of the same size, %s/s.%n",
        timerCases, openCases,
        f0(timers[0]), f0(timers[1]), f0(timers[2])));
    out.append(String.format(Locale.ROOT, "%n### Staff queries%n%nTasklist's list request (`POST /engine-rest/filter/{id}/list`,"
        + " HAL, first 15, with the filter's variables) with %d open cases in the database: for the service desk's"
        + " filter as `desk`, %d tasks in its queue: %s; for the technicians' filter as `tech`, %d tasks in its queue:"
        + " %s. Yardstick filter with %d open instances: %s.%n",
        openCases, deskTasks, staff[0], technicianTasks, staff[2], openVanilla, staff[1]));
    if (staff.length > 3) {
      out.append(String.format(Locale.ROOT, "%nThe login `deskdock`, in the service desk and the receiving dock, opening"
          + " Tasklist (its first filter, the service desk's): %s.%n", staff[3]));
    }
    if (search != null) {
      out.append(String.format(Locale.ROOT, "%nThe case search `GET /api/rmas` as the shop portal, among %d cases, in turns"
          + " by a serial number, by a status (first page of 20) and by an e-mail address all cases share (first page of"
          + " 20): %s.%n", allCases, search));
    }
    out.append(String.format(Locale.ROOT, "%nOf the timer and staff-query phases' cases, %d were filed and worked through"
        + " the API and %d are copies of them made in SQL (`CaseCopies`: the same rows with new ids, RMA and serial"
        + " numbers), so that the set-up takes minutes, not hours; the yardstick's instances were all started through"
        + " `/engine-rest`.%n", filedCases, copiedCases));
    out.append(String.format(Locale.ROOT, "%n### Footprint%n%nGrowth of the database after `VACUUM FULL` over the whole"
        + " cases, per closed case, history level `%s`: %s bytes; the yardstick %s bytes per ended instance.%n",
        HISTORY_LEVELS.getOrDefault(historyLevel, historyLevel), f0(bytesPerCase[0]), f0(bytesPerCase[1])));
    if (!bytesPerCaseByTable.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%nWhere a closed case's bytes are (tables with their indexes, the largest"
          + " ten): %s.%n", bytesPerCaseByTable.entrySet().stream().limit(10)
              .map(table -> "`" + table.getKey() + "` " + f0(table.getValue()))
              .collect(Collectors.joining(", "))));
    }
    return out.toString();
  }

  void write(Path target) throws IOException {
    String notes = "";
    if (Files.exists(target)) {
      String existing = Files.readString(target);
      int at = existing.indexOf("\n" + NOTES);
      notes = at >= 0 ? existing.substring(at + 1) : "";
    }
    String text = "# Benchmarks\n\nWritten by `./mvnw -B -Pbenchmark verify` (see README); the notes at the end are kept"
        + " from run to run.\n\n" + figures() + "\n" + notes;
    Files.writeString(target, text);
  }

  private void row(StringBuilder out, String figure, String ours, String yardstick, double ratio, String target,
      String verdict) {
    verdicts.add(verdict);
    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", figure, ours, yardstick,
        Double.isNaN(ratio) ? "" : f2(ratio), target,
        verdict));
  }

  static String atLeast(double value, double target, String unit) {
    return value >= target ? "PASS" : String.format(Locale.ROOT, "MISS by %s%s (%.0f %%)", f2(target - value), unit,
        100 * (target - value) / target);
  }

  static String atMost(double value, double target, String unit) {
    return value <= target ? "PASS" : String.format(Locale.ROOT, "MISS by %s%s (%.0f %%)", f2(value - target), unit,
        100 * (value - target) / target);
  }

  static String f0(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String f2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
