package io.rmaflow.report;

import io.rmaflow.process.Priority;
import io.rmaflow.process.Resolution;
import io.rmaflow.sla.ServiceLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A contract's monthly service report (002 第二条(四), 第四条(三)): its cases, how many were
 * answered and resolved within the contract's service levels, the breaches, the complaints with
 * their answer times, and for a support contract the availability of its system. A month misses
 * a target when a case or complaint missed its level, or availability fell below its target;
 * {@code shortfalls} says which, and a service manager reviews the month.
 */
public record ServiceReport(
    String contractNumber,
    String month,
    String plan,
    LocalDate from,
    LocalDate to,
    OffsetDateTime compiledAt,
    ServiceLevels serviceLevels,
    Cases cases,
    Level response,
    Level resolution,
    List<Breach> breaches,
    List<Complaint> complaints,
    Availability availability,
    boolean belowTarget,
    List<String> shortfalls) {

  /** The month's complaints answered in time (worked out, not stored). */
  public long complaintsInTime() {
    return complaints.stream().filter(Complaint::inTime).count();
  }

  /** Cases the contract entitled: opened in the month, closed in it, and those closed by resolution. */
  public record Cases(long opened, long closed, Map<Resolution, Long> closedByResolution) {}

  /** What the contract promised that month, in working hours and percent. */
  public record ServiceLevels(Integer responseWorkingHours, Map<Priority, Integer> resolutionWorkingHours,
      BigDecimal availabilityTarget) {}

  /**
   * A service level over the cases opened in the month: {@code measured} counts those answered
   * (or resolved) or past their due time, {@code withinLevel} those in time; {@code share} in
   * percent to one decimal, half up, null without a measured case.
   */
  public record Level(long measured, long withinLevel, BigDecimal share, boolean met) {}

  public record Breach(String rmaNumber, ServiceLevel level, OffsetDateTime dueAt, OffsetDateTime breachedAt) {}

  /** A complaint filed in the month; {@code answerWorkingHours} from filing to reply, null while unanswered. */
  public record Complaint(String rmaNumber, OffsetDateTime filedAt, OffsetDateTime dueBy, OffsetDateTime answeredAt,
      BigDecimal answerWorkingHours, boolean inTime) {}
}
