package io.rmaflow.sla;

import io.rmaflow.process.Priority;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The contract's deadlines in working time. A case's deadlines are computed once, when the
 * event they run from happens (submission, a complaint's filing), stored in the case's
 * variables and used as the model's timers and due dates (ADR 1, ADR 8). Deadlines that run
 * from the moment a task is created are asked for by the model ({@code ${slaPlan...}}) as
 * {@link Date}s, the type the engine's due-date and timer expressions take.
 */
@Component("slaPlan")
public class SlaPlan {

  private final WorkingTimeCalendar calendar;
  private final RmaClock clock;
  private final RmaProperties.Sla sla;
  private final RmaProperties.Centre centre;

  public SlaPlan(WorkingTimeCalendar calendar, RmaClock clock, RmaProperties properties) {
    this.calendar = calendar;
    this.clock = clock;
    this.sla = properties.sla();
    this.centre = properties.centre();
  }

  /**
   * First response to an application, from its submission (002 第二条(四)2); under a service
   * contract, its own level where it states one.
   */
  public OffsetDateTime responseDue(Instant submittedAt, RmaCase.Entitlement entitlement) {
    return at(calendar.plus(submittedAt, responseTime(entitlement)));
  }

  /** Remote triage resolved: working hours by the case's priority, from submission; a contract's where it states them. */
  public OffsetDateTime resolutionDue(Instant submittedAt, Priority priority, RmaCase.Entitlement entitlement) {
    return at(calendar.plus(submittedAt, resolutionTime(priority, entitlement)));
  }

  /** The centre's own first-response time, where no contract states one. */
  public Duration responseTime() {
    return responseTime(null);
  }

  /** The centre's own resolution time at the priority, where no contract states one. */
  public Duration resolutionTime(Priority priority) {
    return resolutionTime(priority, null);
  }

  private Duration responseTime(RmaCase.Entitlement entitlement) {
    return entitlement != null && entitlement.responseWorkingHours() != null
        ? Duration.ofHours(entitlement.responseWorkingHours())
        : sla.response();
  }

  private Duration resolutionTime(Priority priority, RmaCase.Entitlement entitlement) {
    Priority level = Priority.orDefault(priority);
    Integer contracted = entitlement == null ? null : entitlement.resolutionWorkingHours().get(level);
    if (contracted != null) {
      return Duration.ofHours(contracted);
    }
    return switch (level) {
      case HIGH -> sla.resolutionHigh();
      case MEDIUM -> sla.resolutionMedium();
      case LOW -> sla.resolutionLow();
    };
  }

  /** A complaint is answered within the configured working days of its filing (002 第四条(三)3). */
  public OffsetDateTime complaintDue(Instant filedAt) {
    return at(calendar.plusWorkingDays(filedAt, sla.complaintWorkingDays()));
  }

  /** The VAT invoice is issued within the configured working days of the payment (002 第三条(四)). */
  public Date invoiceDue() {
    return workingDaysFromNow(sla.invoiceWorkingDays());
  }

  public Date workingDaysFromNow(int days) {
    return Date.from(calendar.plusWorkingDays(clock.now().toInstant(), days));
  }

  /** What the centre promised, in the words of the timeline and the escalation task, as configured. */
  public String promise(ServiceLevel level, Priority priority) {
    return promise(level, priority, null);
  }

  /** The same for a case a service contract entitles: its levels, and its number. */
  public String promise(ServiceLevel level, Priority priority, RmaCase.Entitlement entitlement) {
    String under = entitlement == null ? "" : " under service contract " + entitlement.contractNumber();
    return switch (level) {
      case RESPONSE -> "first response within " + workingHours(responseTime(entitlement)) + under;
      case RESOLUTION -> "remote triage resolved within " + workingHours(resolutionTime(priority, entitlement))
          + " (priority " + Priority.orDefault(priority) + ")" + under;
      case COMPLAINT -> "complaint answered within " + sla.complaintWorkingDays() + " working day"
          + (sla.complaintWorkingDays() == 1 ? "" : "s");
    };
  }

  public String centreCity() {
    return centre.city();
  }

  public String centreProvince() {
    return centre.province();
  }

  private OffsetDateTime at(Instant instant) {
    return instant.atZone(calendar.zone()).toOffsetDateTime();
  }

  /** "4 working hours", "1 working hour", "90 working minutes". */
  static String workingHours(Duration duration) {
    if (duration.toMinutesPart() != 0) {
      return duration.toMinutes() + " working minutes";
    }
    return duration.toHours() + " working hour" + (duration.toHours() == 1 ? "" : "s");
  }
}
