package io.rmaflow.contract;

import io.rmaflow.support.Price;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a contract owes on a given day, and when its periods are announced, overdue and lapse
 * (ADR 17). A period can be paid from the day it is announced; a payment settles every unpaid
 * period up to the latest that can be paid, so what is paid is always the term's beginning and
 * one amount, {@link Balance#due()}, is what a payment must carry: the periods with the late
 * fees they have run up until that day.
 */
@Component
public class ContractBilling {

  private final RmaProperties.Contract terms;
  private final ZoneId zone;

  ContractBilling(RmaProperties properties) {
    this.terms = properties.contract();
    this.zone = properties.centre().zoneId();
  }

  /** A contract's account on one day. */
  public record Balance(BigDecimal due, String currency, List<Line> periods, List<ContractPeriod> payable,
      BigDecimal overdueLateFees, LocalDate paidThrough) {}

  /** A period as the account shows it; {@code lateFee} is what it has run up so far, or what its payment carried. */
  public record Line(LocalDate from, LocalDate to, BigDecimal net, BigDecimal tax, BigDecimal amount, LocalDate dueOn,
      BigDecimal lateFee, OffsetDateTime paidAt, boolean paidBeforeRegistration) {}

  public Balance balance(List<ContractPeriod> periods, String currency, LocalDate today) {
    List<ContractPeriod> payable = payable(periods, today);
    BigDecimal due = Price.round(BigDecimal.ZERO);
    for (ContractPeriod period : payable) {
      due = due.add(period.price().gross()).add(lateFee(period, today));
    }
    BigDecimal overdueFees = periods.stream().filter(period -> !period.isPaid())
        .map(period -> lateFee(period, today)).reduce(Price.round(BigDecimal.ZERO), BigDecimal::add);
    List<Line> lines = periods.stream().map(period -> new Line(period.from(), period.to(), period.price().net(),
        period.price().tax(), period.price().gross(), period.dueOn(),
        period.isPaid() ? period.lateFee() : lateFee(period, today), period.paidAt(), period.paidBeforeRegistration()))
        .toList();
    return new Balance(due, currency, lines, payable, overdueFees, paidThrough(periods).orElse(null));
  }

  /** The unpaid periods a payment made today settles: each up to the latest one that can be paid. */
  List<ContractPeriod> payable(List<ContractPeriod> periods, LocalDate today) {
    Optional<LocalDate> latestOpen = periods.stream()
        .filter(period -> !period.isPaid() && !period.opensOn().isAfter(today))
        .map(ContractPeriod::from).max(Comparator.naturalOrder());
    return latestOpen.map(last -> periods.stream()
            .filter(period -> !period.isPaid() && !period.from().isAfter(last))
            .sorted(Comparator.comparing(ContractPeriod::from)).toList())
        .orElse(List.of());
  }

  /** What an unpaid period has run up by {@code on}; a paid one carried its own. */
  BigDecimal lateFee(ContractPeriod period, LocalDate on) {
    return BillingSchedule.lateFee(period.price().gross(), period.dueOn(), on, terms.lateFeePerDay());
  }

  /** The last day paid for: payments settle periods in order, so that is the end of the paid beginning. */
  Optional<LocalDate> paidThrough(List<ContractPeriod> periods) {
    LocalDate through = null;
    for (ContractPeriod period : periods.stream().sorted(Comparator.comparing(ContractPeriod::from)).toList()) {
      if (!period.isPaid()) {
        break;
      }
      through = period.to();
    }
    return Optional.ofNullable(through);
  }

  /** When the customer is told a period is coming due. */
  public LocalDate opensOn(LocalDate dueOn) {
    return dueOn.minus(terms.periodNoticeBefore());
  }

  /** The moment of a day when contract notices go out (the start of a working day). */
  OffsetDateTime noticeTime(LocalDate day) {
    return day.atTime(terms.noticeTime()).atZone(zone).toOffsetDateTime();
  }

  /** When an unpaid period has been overdue for longer than the contract allows. */
  OffsetDateTime lapsesAt(LocalDate dueOn) {
    return dueOn.plusDays(1).plus(terms.suspendAfter()).atStartOfDay(zone).toOffsetDateTime();
  }

  /** The next period of the current term after {@code after} that is unpaid, and where it stands now. */
  NextPeriod next(ServiceContract contract, List<ContractPeriod> periods, LocalDate after, ZonedDateTime now) {
    Optional<ContractPeriod> next = periods.stream()
        .filter(period -> period.term() == contract.term() && (after == null || period.from().isAfter(after)))
        .filter(period -> !period.isPaid())
        .min(Comparator.comparing(ContractPeriod::from));
    if (next.isEmpty()) {
      return new NextPeriod(PeriodStage.NONE, after, null, null, null, null);
    }
    ContractPeriod period = next.get();
    OffsetDateTime noticeAt = noticeTime(opensOn(period.dueOn()));
    OffsetDateTime overdueAt = noticeTime(period.dueOn().plusDays(1));
    OffsetDateTime lapsesAt = lapsesAt(period.dueOn());
    PeriodStage stage = now.isBefore(noticeAt.toZonedDateTime()) ? PeriodStage.UPCOMING
        : now.isBefore(overdueAt.toZonedDateTime()) ? PeriodStage.DUE
        : now.isBefore(lapsesAt.toZonedDateTime()) ? PeriodStage.OVERDUE
        : PeriodStage.LAPSED;
    return new NextPeriod(stage, period.to(), period, noticeAt, overdueAt, lapsesAt);
  }

  /** The period the term turns to, and the moments of its notices and of its lapse. */
  record NextPeriod(PeriodStage stage, LocalDate to, ContractPeriod period, OffsetDateTime noticeAt,
      OffsetDateTime overdueAt, OffsetDateTime lapsesAt) {}
}
