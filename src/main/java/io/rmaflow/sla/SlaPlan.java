package io.rmaflow.sla;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_FILED_AT;
import static io.rmaflow.process.RmaProcess.Variables.PRIORITY;
import static io.rmaflow.process.RmaProcess.Variables.SUBMITTED_AT;

import io.rmaflow.intake.Priority;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The contract's deadlines in working time, for the lifecycle's due dates and timers
 * ({@code ${slaPlan...}} in the model). Dates are {@link Date}s, the type the engine's
 * due-date and timer expressions take.
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

  /** First response to an application: 4 working hours from submission (002 第二条(四)2). */
  public Date responseDue(DelegateExecution execution) {
    return Date.from(calendar.plus(submittedAt(execution), sla.response()));
  }

  /** Remote triage resolved: working hours by the case's priority, from submission. */
  public Date resolutionDue(DelegateExecution execution) {
    return Date.from(calendar.plus(submittedAt(execution), resolutionTime(PRIORITY.get(execution))));
  }

  public Duration resolutionTime(Priority priority) {
    return switch (priority == null ? Priority.MEDIUM : priority) {
      case HIGH -> sla.resolutionHigh();
      case MEDIUM -> sla.resolutionMedium();
      case LOW -> sla.resolutionLow();
    };
  }

  /** A complaint is answered within 2 working days of its filing (002 第四条(三)3). */
  public Date complaintDue(DelegateExecution execution) {
    var filedAt = COMPLAINT_FILED_AT.get(execution);
    Instant from = filedAt == null ? clock.now().toInstant() : filedAt.toInstant();
    return Date.from(calendar.plusWorkingDays(from, sla.complaintWorkingDays()));
  }

  /** The VAT invoice is issued within 10 working days of the payment (002 第三条(四)). */
  public Date invoiceDue() {
    return workingDaysFromNow(sla.invoiceWorkingDays());
  }

  public Date workingDaysFromNow(int days) {
    return Date.from(calendar.plusWorkingDays(clock.now().toInstant(), days));
  }

  public String centreCity() {
    return centre.city();
  }

  public String centreProvince() {
    return centre.province();
  }

  private Instant submittedAt(DelegateExecution execution) {
    var submittedAt = SUBMITTED_AT.get(execution);
    return submittedAt == null ? clock.now().toInstant() : submittedAt.toInstant();
  }
}
