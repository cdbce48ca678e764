package io.rmaflow.insight;

import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.process.Resolution;
import io.rmaflow.sla.ServiceLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How the centre is doing, for process owners: open cases, cases waiting on customers,
 * missed service levels and turnaround times. Weeks start on Monday in the centre's time
 * zone; the window holds the current week and the {@code weeks - 1} before it.
 */
public record Insight(
    OffsetDateTime generatedAt,
    int weeks,
    LocalDate since,
    OpenCases openCases,
    WaitingOnCustomers waitingOnCustomers,
    SlaBreaches slaBreaches,
    Turnaround turnaround,
    Contracts contracts) {

  /** Every open status, also those without a case, in the order a case passes them. */
  public record OpenCases(long total, List<StatusCount> byStatus) {}

  public record StatusCount(CaseStatus status, long count) {}

  public record WaitingOnCustomers(long total, List<Wait> reasons) {}

  /**
   * Cases that cannot go on until the customer acts. {@code deadline} is what happens when
   * the customer does not; {@code lapsingWithin2Days} counts cases whose engine timer for it
   * falls in the next two days, {@code nextDeadline} is the soonest.
   */
  public record Wait(WaitReason reason, String description, long count, String deadline, long lapsingWithin2Days,
      OffsetDateTime nextDeadline) {}

  public enum WaitReason {
    /** Shipping arranged, no shipment reported yet. */
    DEVICE_NOT_SHIPPED,
    /** No start of warranty known: proof of purchase requested. */
    PROOF_OF_PURCHASE,
    /** Quote sent, not paid yet. */
    PAYMENT
  }

  /**
   * Breaches since records began per level; per week of the window; the latest ones; and
   * the tasks past their deadline right now (the same as {@code GET /api/sla/tasks}).
   */
  public record SlaBreaches(long total, List<LevelCount> byLevel, List<WeekBreaches> byWeek, List<Breach> latest,
      long overdueTasksNow, long atRiskTasksNow) {}

  public record LevelCount(ServiceLevel level, long count) {}

  public record WeekBreaches(LocalDate weekStart, long total, List<LevelCount> byLevel) {}

  public record Breach(String rmaNumber, ServiceLevel level, OffsetDateTime dueAt, OffsetDateTime breachedAt) {}

  /**
   * Days from submission to closing of the cases closed in the window: overall, per
   * resolution, per week of closing. Per staff task, from the engine's history: hours from
   * a task's creation to its completion, for tasks completed in the window.
   */
  public record Turnaround(Figures overall, List<ResolutionFigures> byResolution, List<WeekFigures> byWeek,
      List<TaskFigures> byTask) {}

  /** Median and 90th percentile (nearest rank); null without any case. */
  public record Figures(long count, Double medianDays, Double p90Days) {}

  public record ResolutionFigures(Resolution resolution, long count, Double medianDays, Double p90Days) {}

  public record WeekFigures(LocalDate weekStart, long count, Double medianDays, Double p90Days) {}

  public record TaskFigures(String task, long count, Double medianHours, Double p90Hours) {}

  /**
   * Service contracts today: in service, waiting for their first payment or its audit, with a
   * period past its due date and the late fees these have run up (per currency, decimal
   * strings), and in service but ending within 30 days with no paid renewal.
   */
  public record Contracts(long active, long awaitingPaymentOrAudit, long overdue, List<Money> overdueLateFees,
      long endingWithin30Days) {}

  public record Money(String amount, String currency) {}
}
