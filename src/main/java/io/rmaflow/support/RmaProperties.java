package io.rmaflow.support;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the service centre. Calendar-day deadlines come from the service terms
 * (003 2.3, 2.6, 4.2) and are kept configurable for centres with other terms.
 */
@ConfigurationProperties("rma")
public record RmaProperties(
    @DefaultValue Centre centre,
    @DefaultValue ShipIn shipIn,
    @DefaultValue Warranty warranty,
    @DefaultValue Quote quote,
    @DefaultValue Mail mail,
    @DefaultValue WorkingTime workingTime,
    @DefaultValue Sla sla,
    @DefaultValue Retention retention,
    @DefaultValue Contract contract,
    @DefaultValue Rework rework,
    @DefaultValue Portal portal,
    @DefaultValue Security security,
    @DefaultValue Demo demo,
    @DefaultValue Models models,
    @DefaultValue Engine engine) {

  public record Centre(
      @DefaultValue("RMA Flow Service Centre") String name,
      @DefaultValue("88 Service Road, Pudong, Shanghai 200120, CN") String address,
      @DefaultValue("Shanghai") String city,
      @DefaultValue("Shanghai") String province,
      @DefaultValue(Centre.DEFAULT_ZONE) ZoneId zoneId) {

    /** The centre's time zone unless configured: deadlines, "today" and the working day are in it. */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";
  }

  public record ShipIn(
      @DefaultValue("P3D") Period reminderAfter,
      @DefaultValue("P15D") Period closeAfter) {}

  public record Warranty(@DefaultValue("P7D") Period proofWithin) {}

  public record Quote(
      @DefaultValue("0.13") BigDecimal taxRate,
      @DefaultValue("CNY") String currency,
      @DefaultValue("P1M") Period paymentWithin) {}

  /**
   * Working time of the centre, in its time zone: SLA deadlines count only this time.
   * Holidays and make-up working days are lists of dates (YYYY-MM-DD).
   */
  public record WorkingTime(
      @DefaultValue("09:00") LocalTime dayStart,
      @DefaultValue("18:00") LocalTime dayEnd,
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
      @DefaultValue List<LocalDate> holidays,
      @DefaultValue List<LocalDate> makeUpWorkingDays) {}

  /**
   * Service levels in working time (service terms 002): remote triage's response and its
   * resolution by priority; complaint replies and VAT invoices in working days; a task due
   * within {@code atRiskWithin} of working time counts as at risk.
   */
  public record Sla(
      @DefaultValue("PT4H") Duration response,
      @DefaultValue("PT8H") Duration resolutionHigh,
      @DefaultValue("PT24H") Duration resolutionMedium,
      @DefaultValue("PT40H") Duration resolutionLow,
      @DefaultValue("2") int complaintWorkingDays,
      @DefaultValue("10") int invoiceWorkingDays,
      @DefaultValue("PT2H") Duration atRiskWithin) {}

  /**
   * Service contracts (service terms 001 3, 002 第三条): the time a new contract has to be paid
   * before it is cancelled, the late fee per calendar day of an unpaid period, how long an unpaid
   * period may be overdue before the contract is suspended, when the customer is told of a
   * period and of the renewal, at which time of day such notices go out, and the availability a
   * support contract promises unless it states its own (percent of a month).
   */
  public record Contract(
      @DefaultValue("P30D") Period paymentWithin,
      @DefaultValue("P30D") Period suspendAfter,
      @DefaultValue("0.0005") BigDecimal lateFeePerDay,
      @DefaultValue("P7D") Period periodNoticeBefore,
      @DefaultValue("P10D") Period renewalReminderBefore,
      @DefaultValue("P3D") Period lastRenewalReminderBefore,
      @DefaultValue("09:00") LocalTime noticeTime,
      @DefaultValue("99.5") BigDecimal availabilityTarget) {}

  /**
   * The warranty on the centre's own work (service terms 001 6): a device back within this
   * time of its previous case closing repaired or replaced is a rework.
   */
  public record Rework(@DefaultValue("P7D") Period within) {}

  /**
   * The customer pages: the address they are reached at from outside (notices carry links to
   * it), the key links are signed with (Base64, at least 32 bytes; unset, one is made and kept
   * in the database), how many page requests one address may make per minute, and the version
   * of the service agreement applicants accept.
   */
  public record Portal(
      @DefaultValue("http://localhost:8080") String baseUrl,
      String linkKey,
      @DefaultValue("60") int requestsPerMinute,
      @DefaultValue("003/2026-01") String termsVersion) {}

  /**
   * Doors and keys: how many failed logins one address may make per window before it must wait
   * (at the API, the engine REST API and the webapps' login), and per machine client (its login)
   * the secret its payment callbacks are signed with; a client with a secret must sign every
   * payment, and a signature older than {@code signatureTolerance} is refused as a replay.
   */
  public record Security(
      @DefaultValue("20") int failedLoginsPerWindow,
      @DefaultValue("PT10M") Duration failedLoginWindow,
      @DefaultValue Map<String, String> paymentSigningSecrets,
      @DefaultValue("PT5M") Duration signatureTolerance) {}

  /** How long personal data of closed cases is kept (service agreement 3.7) before it is removed. */
  public record Retention(@DefaultValue("P365D") Period personalDataAfterClosing) {}

  /** Sender of customer notices; the SMTP server itself is configured with {@code spring.mail.*}. */
  public record Mail(@DefaultValue("RMA Flow Service Centre <service@rmaflow.example>") String from) {}

  /**
   * The demo setup. {@code enabled} unset: on with the embedded H2 database, off on any other;
   * {@code applications}: also submit a few cases to work on.
   */
  public record Demo(Boolean enabled, @DefaultValue("true") boolean applications) {

    public boolean isOnFor(String jdbcUrl) {
      return enabled != null ? enabled : jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:");
    }
  }

  /**
   * Where the models and forms are deployed from (a Spring resource location holding
   * {@code bpmn/} and {@code forms/}), and where the migration plans are declared.
   */
  public record Models(
      @DefaultValue("classpath*:") String location,
      @DefaultValue("classpath*:migration/*.json") String migrationPlans) {}

  /**
   * The app's changes to the engine's authorization checks (ADR 25), on unless switched off:
   * the task query's check by EXISTS, and the caller's groups taken as the login gave them.
   */
  public record Engine(
      @DefaultValue("true") boolean taskQueryByExists,
      @DefaultValue("true") boolean groupsAsGiven) {}
}
