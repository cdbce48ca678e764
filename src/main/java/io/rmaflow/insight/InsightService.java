package io.rmaflow.insight;

import io.rmaflow.contract.ContractQueryService;
import io.rmaflow.insight.Insight.Breach;
import io.rmaflow.insight.Insight.Figures;
import io.rmaflow.insight.Insight.LevelCount;
import io.rmaflow.insight.Insight.OpenCases;
import io.rmaflow.insight.Insight.ResolutionFigures;
import io.rmaflow.insight.Insight.SlaBreaches;
import io.rmaflow.insight.Insight.StatusCount;
import io.rmaflow.insight.Insight.TaskFigures;
import io.rmaflow.insight.Insight.Turnaround;
import io.rmaflow.insight.Insight.Wait;
import io.rmaflow.insight.Insight.WaitReason;
import io.rmaflow.insight.Insight.WaitingOnCustomers;
import io.rmaflow.insight.Insight.WeekBreaches;
import io.rmaflow.insight.Insight.WeekFigures;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.insight.TurnaroundRecords.Closed;
import io.rmaflow.rmacase.CaseQueryService;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.process.Resolution;
import io.rmaflow.sla.ServiceLevel;
import io.rmaflow.sla.SlaQueryService;
import io.rmaflow.support.RmaClock;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link Insight} from the case file's and the service levels' query services, this
 * module's own record of closed cases, the engine's open tasks and its task history.
 * Everything is read in one read-only transaction, so the parts of one answer describe the
 * same moment as far as the database allows.
 */
@Service
public class InsightService {

  public static final int DEFAULT_WEEKS = 8;
  public static final int MAX_WEEKS = 52;
  static final int LATEST_BREACHES = 10;
  static final Duration LAPSING_WITHIN = Duration.ofDays(2);

  private final CaseQueryService cases;
  private final TurnaroundRecords turnarounds;
  private final JdbcClient jdbc;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final SlaQueryService slaQueries;
  private final ContractQueryService contractQueries;
  private final RmaClock clock;

  InsightService(CaseQueryService cases, TurnaroundRecords turnarounds, JdbcClient jdbc,
      ManagementService managementService, RuntimeService runtimeService, SlaQueryService slaQueries,
      ContractQueryService contractQueries, RmaClock clock) {
    this.cases = cases;
    this.turnarounds = turnarounds;
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.slaQueries = slaQueries;
    this.contractQueries = contractQueries;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Insight insight(int weeks) {
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new IllegalArgumentException("weeks must be between 1 and " + MAX_WEEKS);
    }
    ZonedDateTime now = clock.now();
    LocalDate since = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
    OffsetDateTime from = since.atStartOfDay(now.getZone()).toOffsetDateTime();
    return new Insight(now.toOffsetDateTime(), weeks, since,
        openCases(), waitingOnCustomers(now), slaBreaches(since, from, now),
        turnaround(since, from, now), contracts());
  }

  private Insight.Contracts contracts() {
    ContractQueryService.Figures figures = contractQueries.figures();
    return new Insight.Contracts(figures.active(), figures.awaitingPaymentOrAudit(), figures.overdue(),
        figures.overdueLateFees().stream().map(fee -> new Insight.Money(fee.amount().toPlainString(), fee.currency())).toList(),
        figures.endingWithin30Days());
  }

  private OpenCases openCases() {
    Map<CaseStatus, Long> counts = cases.openCasesByStatus();
    List<StatusCount> byStatus = Arrays.stream(CaseStatus.values()).filter(status -> status != CaseStatus.CLOSED)
        .map(status -> new StatusCount(status, counts.getOrDefault(status, 0L))).toList();
    return new OpenCases(byStatus.stream().mapToLong(StatusCount::count).sum(), byStatus);
  }

  private WaitingOnCustomers waitingOnCustomers(ZonedDateTime now) {
    List<Wait> reasons = List.of(
        waiting(WaitReason.DEVICE_NOT_SHIPPED, "shipping arranged, the customer has not sent the device",
            "closes not received", Elements.PARCEL_NOT_RECEIVED_TIMER, cases.awaitingDeviceNotShipped(), now),
        waiting(WaitReason.PROOF_OF_PURCHASE, "proof of purchase requested", "repair becomes paid",
            Elements.PROOF_DEADLINE_TIMER, cases.inStatus(CaseStatus.AWAITING_PROOF), now),
        waiting(WaitReason.PAYMENT, "quote sent, payment pending", "device returned unrepaired",
            Elements.PAYMENT_DEADLINE_TIMER, cases.inStatus(CaseStatus.AWAITING_PAYMENT), now));
    return new WaitingOnCustomers(reasons.stream().mapToLong(Wait::count).sum(), reasons);
  }

  /**
   * The cases by their status; their deadlines from the engine's timers, as the case body
   * shows them. A case whose event just came in has no timer left while its next step is
   * still queued, and so no deadline to lapse.
   */
  private Wait waiting(WaitReason reason, String description, String deadline, String timerId, List<String> waiting,
      ZonedDateTime now) {
    Set<String> cases = new HashSet<>(waiting);
    List<Job> timers = managementService.createJobQuery()
        .processDefinitionKey(RmaProcess.KEY).timers().activityId(timerId).list();
    Map<String, String> rmaNumbers = timers.isEmpty() ? Map.of() : runtimeService.createProcessInstanceQuery()
        .processInstanceIds(timers.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet())).list().stream()
        .filter(instance -> instance.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    List<Instant> deadlines = timers.stream()
        .filter(timer -> cases.contains(rmaNumbers.get(timer.getProcessInstanceId())))
        .map(timer -> timer.getDuedate().toInstant()).toList();
    Instant lapsing = now.toInstant().plus(LAPSING_WITHIN);
    return new Wait(reason, description, cases.size(), deadline,
        deadlines.stream().filter(due -> due.isBefore(lapsing)).count(),
        deadlines.stream().min(Instant::compareTo).map(due -> due.atZone(now.getZone()).toOffsetDateTime()).orElse(null));
  }

  private SlaBreaches slaBreaches(LocalDate since, OffsetDateTime from, ZonedDateTime now) {
    Map<ServiceLevel, Long> totals = slaQueries.breachesByLevel();
    List<Breach> inWindow = slaQueries.breachesBetween(from, now.toOffsetDateTime()).stream()
        .map(breach -> new Breach(breach.rmaNumber(), breach.level(), breach.dueAt(), breach.breachedAt()))
        .toList();
    Map<LocalDate, List<Breach>> byWeek = groupByWeek(inWindow, Breach::breachedAt, now.getZone());
    List<WeekBreaches> weeks = weekStarts(since, now).stream().map(week -> {
      List<Breach> breaches = byWeek.getOrDefault(week, List.of());
      return new WeekBreaches(week, breaches.size(), levelCounts(breaches.stream()
          .collect(Collectors.groupingBy(Breach::level, Collectors.counting()))));
    }).toList();
    List<LevelCount> byLevel = levelCounts(totals);
    return new SlaBreaches(byLevel.stream().mapToLong(LevelCount::count).sum(), byLevel, weeks,
        inWindow.stream().limit(LATEST_BREACHES).toList(),
        slaQueries.count(SlaQueryService.State.OVERDUE), slaQueries.count(SlaQueryService.State.AT_RISK));
  }

  private static List<LevelCount> levelCounts(Map<ServiceLevel, Long> counts) {
    return Arrays.stream(ServiceLevel.values()).map(level -> new LevelCount(level, counts.getOrDefault(level, 0L))).toList();
  }

  private Turnaround turnaround(LocalDate since, OffsetDateTime from, ZonedDateTime now) {
    List<Closed> closed = turnarounds.closedBetween(from, now.toOffsetDateTime());
    Figures overall = figures(closed.stream().map(Closed::days).toList());
    Map<Resolution, List<Double>> perResolution = closed.stream()
        .collect(Collectors.groupingBy(Closed::resolution, () -> new EnumMap<>(Resolution.class),
            Collectors.mapping(Closed::days, Collectors.toList())));
    List<ResolutionFigures> byResolution = perResolution.entrySet().stream().map(entry -> {
      Figures figures = figures(entry.getValue());
      return new ResolutionFigures(entry.getKey(), figures.count(), figures.medianDays(), figures.p90Days());
    }).toList();
    Map<LocalDate, List<Closed>> perWeek = groupByWeek(closed, Closed::closedAt, now.getZone());
    List<WeekFigures> byWeek = weekStarts(since, now).stream().map(week -> {
      Figures figures = figures(perWeek.getOrDefault(week, List.of()).stream().map(Closed::days).toList());
      return new WeekFigures(week, figures.count(), figures.medianDays(), figures.p90Days());
    }).toList();
    return new Turnaround(overall, byResolution, byWeek, taskFigures(from, now.toOffsetDateTime()));
  }

  /**
   * Staff tasks completed in the window, from the engine's history table: only the task key
   * and duration of each row are read, so a busy centre's weeks stay cheap to compute. The
   * table is the engine's, read here as Cockpit reads it; no module of ours owns it.
   * Tasks ended by the case moving on without them (cancellation, timers) are left out.
   */
  private List<TaskFigures> taskFigures(OffsetDateTime from, OffsetDateTime now) {
    Map<String, List<Double>> hours = new TreeMap<>();
    jdbc.sql("""
            SELECT TASK_DEF_KEY_, DURATION_ FROM ACT_HI_TASKINST
            WHERE PROC_DEF_KEY_ = ? AND DELETE_REASON_ = 'completed' AND END_TIME_ >= ? AND END_TIME_ <= ?""")
        .params(RmaProcess.KEY, Timestamp.from(from.toInstant()), Timestamp.from(now.toInstant()))
        .query(rs -> {
          hours.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getLong(2) / 3_600_000.0);
        });
    Map<String, Integer> order = new HashMap<>();
    for (RmaProcess.UserTask task : RmaProcess.UserTask.values()) {
      order.put(task.id(), task.ordinal());
    }
    return hours.entrySet().stream()
        .sorted(Comparator.comparing(entry -> order.getOrDefault(entry.getKey(), Integer.MAX_VALUE)))
        .map(entry -> {
          Figures figures = figures(entry.getValue());
          return new TaskFigures(entry.getKey(), figures.count(), figures.medianDays(), figures.p90Days());
        }).toList();
  }

  /** Median and 90th percentile by nearest rank, to one decimal: values that occurred, never interpolated. */
  static Figures figures(List<Double> values) {
    if (values.isEmpty()) {
      return new Figures(0, null, null);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Figures(sorted.length, oneDecimal(nearestRank(sorted, 0.5)), oneDecimal(nearestRank(sorted, 0.9)));
  }

  static double nearestRank(double[] sorted, double percentile) {
    int rank = (int) Math.ceil(percentile * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double oneDecimal(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static List<LocalDate> weekStarts(LocalDate since, ZonedDateTime now) {
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate week = since; !week.isAfter(now.toLocalDate()); week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    return weeks;
  }

  private static <T> Map<LocalDate, List<T>> groupByWeek(List<T> items, Function<T, OffsetDateTime> time, ZoneId zone) {
    return items.stream().collect(Collectors.groupingBy(item -> time.apply(item).atZoneSameInstant(zone).toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
  }
}
