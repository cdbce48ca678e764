package io.rmaflow.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractQueryService;
import io.rmaflow.contract.OutageService;
import io.rmaflow.contract.ServiceContract;
import io.rmaflow.contract.ServiceLevels;
import io.rmaflow.process.Resolution;
import io.rmaflow.rmacase.CaseQueryService;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.sla.SlaQueryService;
import io.rmaflow.sla.WorkingTimeCalendar;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly service reports (service-contracts.md, "Monthly service report"): which are due,
 * their figures from the contract's cases, their service-level clocks, breaches, complaints and
 * outages, and where they are kept. A report is due from the first working day of the month
 * after, at the time contract notices go out, for every contract that served in that month.
 */
@Service
public class ServiceReportService {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ServiceReportRepository reports;
  private final ContractQueryService contractQueries;
  private final ContractFile contracts;
  private final OutageService outages;
  private final CaseQueryService cases;
  private final SlaQueryService slas;
  private final ComplaintService complaints;
  private final WorkingTimeCalendar calendar;
  private final RmaClock clock;
  private final ObjectMapper json;
  private final ServiceReportMail mail;
  private final LocalTime reportTime;

  ServiceReportService(ServiceReportRepository reports, ContractQueryService contractQueries, ContractFile contracts,
      OutageService outages, CaseQueryService cases, SlaQueryService slas, ComplaintService complaints,
      WorkingTimeCalendar calendar, RmaClock clock, ObjectMapper json, ServiceReportMail mail, RmaProperties properties) {
    this.reports = reports;
    this.contractQueries = contractQueries;
    this.contracts = contracts;
    this.outages = outages;
    this.cases = cases;
    this.slas = slas;
    this.complaints = complaints;
    this.calendar = calendar;
    this.clock = clock;
    // Stored figures keep the centre's offsets as written; read back, they must not turn to UTC.
    this.json = json.copy().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    this.mail = mail;
    this.reportTime = properties.contract().noticeTime();
  }

  /** The month whose reports are due now, and the contracts whose report for it is not made yet. */
  public record DueReports(YearMonth month, List<String> contractNumbers) {}

  /**
   * Claims the reports due now: last month's, once this month's first working day has reached
   * the report time. Each contract and month is claimed once, whichever node asks, however often.
   */
  @Transactional
  public DueReports claimDueReports() {
    ZonedDateTime now = clock.now();
    YearMonth month = YearMonth.from(now).minusMonths(1);
    if (now.isBefore(firstWorkingDay(month.plusMonths(1)).atTime(reportTime).atZone(now.getZone()))) {
      return new DueReports(month, List.of());
    }
    List<String> due = new ArrayList<>();
    Set<String> claimed = reports.claimed(month.toString());
    for (ServiceContract contract : contractQueries.servingDuring(month.atDay(1), month.atEndOfMonth())) {
      if (!claimed.contains(contract.contractNumber())) {
        reports.claim(contract.contractNumber(), month.toString());
        due.add(contract.contractNumber());
      }
    }
    return new DueReports(month, due);
  }

  /** The first working day of the month by the centre's calendar: reports go out on it. */
  LocalDate firstWorkingDay(YearMonth month) {
    LocalDate day = month.atDay(1);
    while (!calendar.isWorkingDay(day) && !day.isAfter(month.atEndOfMonth())) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** Works out the contract's report for the month from what is recorded now, and keeps it. */
  @Transactional
  public ServiceReport compile(String contractNumber, YearMonth month) {
    ServiceContract contract = contracts.get(contractNumber);
    ServiceLevels levels = contractQueries.serviceLevelsOf(contract);
    ZoneId zone = calendar.zone();
    ZonedDateTime from = month.atDay(1).atStartOfDay(zone);
    ZonedDateTime until = month.plusMonths(1).atDay(1).atStartOfDay(zone);
    OffsetDateTime now = clock.nowOffset();

    List<RmaCase> entitled = cases.entitledBy(contractNumber, from.toOffsetDateTime(), until.toOffsetDateTime());
    List<RmaCase> opened = entitled.stream().filter(within(RmaCase::createdAt, from, until)).toList();
    List<RmaCase> closed = entitled.stream().filter(c -> c.closedAt() != null).filter(within(RmaCase::closedAt, from, until))
        .toList();
    Map<Resolution, Long> byResolution = new EnumMap<>(Resolution.class);
    closed.forEach(c -> byResolution.merge(c.resolution(), 1L, Long::sum));
    ServiceReport.Cases caseFigures = new ServiceReport.Cases(opened.size(), closed.size(), byResolution);

    List<SlaQueryService.CaseClock> clocks = slas.clocksOf(opened.stream().map(RmaCase::rmaNumber).toList());
    ServiceReport.Level response = level(clocks, SlaQueryService.CaseClock::responseDueAt,
        SlaQueryService.CaseClock::respondedAt, now);
    ServiceReport.Level resolution = level(clocks, SlaQueryService.CaseClock::resolutionDueAt,
        SlaQueryService.CaseClock::resolvedAt, now);
    List<String> rmaNumbers = entitled.stream().map(RmaCase::rmaNumber).toList();
    List<ServiceReport.Breach> breaches = slas.breachesOf(rmaNumbers, from.toOffsetDateTime(), until.toOffsetDateTime())
        .stream().map(b -> new ServiceReport.Breach(b.rmaNumber(), b.level(), b.dueAt(), b.breachedAt())).toList();
    List<ServiceReport.Complaint> complaintFigures = complaints.filedBetween(rmaNumbers, from.toOffsetDateTime(),
            until.toOffsetDateTime()).stream()
        .map(c -> new ServiceReport.Complaint(c.rmaNumber(), local(c.filedAt()), local(c.dueBy()), local(c.answeredAt()),
            c.answeredAt() == null ? null : hours(slas.workingTimeBetween(c.filedAt().toInstant(), c.answeredAt().toInstant())),
            c.answeredInTime()))
        .toList();
    Availability availability = contract.plan() == ContractPlan.SUPPORT
        ? Availability.of(outages.overlapping(contractNumber, from.toOffsetDateTime(), until.toOffsetDateTime()), from, until,
            now.toInstant(), levels.availabilityTarget())
        : null;

    List<String> shortfalls = new ArrayList<>();
    if (!response.met()) {
      shortfalls.add((response.measured() - response.withinLevel()) + " of " + response.measured()
          + " cases not answered within " + levels.responseWorkingHours() + " working hours");
    }
    if (!resolution.met()) {
      shortfalls.add((resolution.measured() - resolution.withinLevel()) + " of " + resolution.measured()
          + " cases not resolved within their working hours");
    }
    long lateComplaints = complaintFigures.stream()
        .filter(c -> !c.inTime() && (c.answeredAt() != null || c.dueBy().isBefore(now))).count();
    if (lateComplaints > 0) {
      shortfalls.add(lateComplaints + " complaint" + (lateComplaints == 1 ? "" : "s") + " not answered in time");
    }
    if (availability != null && !availability.met()) {
      shortfalls.add("availability " + availability.actual().toPlainString() + " % below the target of "
          + availability.target().toPlainString() + " %");
    }
    ServiceReport report = new ServiceReport(contractNumber, month.toString(), contract.plan().name(),
        month.atDay(1), month.atEndOfMonth(), now,
        new ServiceReport.ServiceLevels(levels.responseWorkingHours(), levels.resolutionWorkingHours(),
            levels.availabilityTarget()),
        caseFigures, response, resolution, breaches, complaintFigures, availability, !shortfalls.isEmpty(), shortfalls);
    reports.store(contractNumber, month.toString(), now, report.belowTarget(), write(report));
    contracts.recordServiceReport(contractNumber, month + ": " + (report.belowTarget()
        ? "below target, " + String.join("; ", shortfalls) : "every target met"));
    return report;
  }

  /**
   * @throws UnknownReportException when the contract has no report for the month
   */
  @Transactional(readOnly = true)
  public ServiceReport find(String contractNumber, YearMonth month) {
    contracts.get(contractNumber);
    return reports.figures(contractNumber, month.toString()).map(this::read)
        .orElseThrow(() -> new UnknownReportException(contractNumber, month.toString()));
  }

  /** Sends the month's report to the customer, once: a repeat finds it sent. */
  public void send(String contractNumber, YearMonth month) {
    mail.send(find(contractNumber, month));
  }

  /**
   * An administrator's repeat of a past month's report: its figures worked out again from what
   * is recorded now and kept; the customer gets it only if they never did.
   *
   * @throws UnknownReportException when the contract did not serve in that month, or the month is not over
   */
  @Transactional
  public ServiceReport produceAgain(String contractNumber, YearMonth month) {
    ServiceContract contract = contracts.get(contractNumber);
    if (!month.isBefore(YearMonth.from(clock.now())) || !served(contract, month)) {
      throw new UnknownReportException(contractNumber, month.toString());
    }
    ServiceReport report = compile(contractNumber, month);
    mail.send(report);
    return report;
  }

  /** The report as the service manager's review shows it: figures, and what fell short. */
  static String summary(ServiceReport report) {
    StringBuilder text = new StringBuilder();
    text.append("- Cases: ").append(report.cases().opened()).append(" opened, ").append(report.cases().closed())
        .append(" closed\n");
    text.append("- Answered within ").append(report.serviceLevels().responseWorkingHours()).append(" working hours: ")
        .append(share(report.response())).append('\n');
    text.append("- Resolved within the agreed working hours: ").append(share(report.resolution())).append('\n');
    text.append("- Breaches: ").append(report.breaches().size()).append(", complaints: ").append(report.complaints().size())
        .append('\n');
    if (report.availability() != null) {
      text.append("- Availability: ").append(report.availability().actual().toPlainString()).append(" % (target ")
          .append(report.availability().target().toPlainString()).append(" %), ")
          .append(report.availability().downtimeMinutes()).append(" minutes down\n");
    }
    if (!report.shortfalls().isEmpty()) {
      text.append("\n**Below target:** ").append(String.join("; ", report.shortfalls())).append('.');
    }
    return text.toString();
  }

  private static String share(ServiceReport.Level level) {
    return level.share() == null ? "no case to measure"
        : level.withinLevel() + " of " + level.measured() + " (" + level.share().toPlainString() + " %)";
  }

  /** Whether the contract served on some day of the month, so that it has a report for it (as {@code servingDuring}). */
  private static boolean served(ServiceContract contract, YearMonth month) {
    return contract.serviceFrom() != null && !contract.serviceFrom().isAfter(month.atEndOfMonth())
        && !contract.serviceUntil().isBefore(month.atDay(1));
  }

  private static ServiceReport.Level level(List<SlaQueryService.CaseClock> clocks,
      Function<SlaQueryService.CaseClock, OffsetDateTime> due, Function<SlaQueryService.CaseClock, OffsetDateTime> done,
      OffsetDateTime now) {
    long measured = 0;
    long within = 0;
    for (SlaQueryService.CaseClock clock : clocks) {
      OffsetDateTime dueAt = due.apply(clock);
      OffsetDateTime doneAt = done.apply(clock);
      if (doneAt != null || dueAt.isBefore(now)) {
        measured++;
        if (doneAt != null && !doneAt.isAfter(dueAt)) {
          within++;
        }
      }
    }
    BigDecimal share = measured == 0 ? null
        : BigDecimal.valueOf(within).multiply(HUNDRED).divide(BigDecimal.valueOf(measured), 1, RoundingMode.HALF_UP);
    return new ServiceReport.Level(measured, within, share, within == measured);
  }

  /** A moment in the centre's offset, whatever the database handed back. */
  private OffsetDateTime local(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(calendar.zone()).toOffsetDateTime();
  }

  private static BigDecimal hours(Duration workingTime) {
    return BigDecimal.valueOf(workingTime.toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
  }

  private static <T> Predicate<T> within(Function<T, OffsetDateTime> time, ZonedDateTime from, ZonedDateTime until) {
    return item -> {
      OffsetDateTime at = time.apply(item);
      return !at.toInstant().isBefore(from.toInstant()) && at.toInstant().isBefore(until.toInstant());
    };
  }

  private String write(ServiceReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report of " + report.contractNumber(), e);
    }
  }

  private ServiceReport read(String figures) {
    try {
      return json.readValue(figures, ServiceReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored service report", e);
    }
  }
}
