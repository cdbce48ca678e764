package io.rmaflow.contract;

import io.rmaflow.support.Price;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing arithmetic of a term, written out once (ADR 17):
 * <ul>
 *   <li>{@link Billing#MONTHLY}: one period per calendar month of the term. It falls due on the
 *       5th of its month (002 第三条(三)), but never outside the period: a first month that starts
 *       after the 5th is due on its first day, a last month that ends before the 5th on its last.
 *       The due date stays the 5th when that is a weekend or a holiday.
 *   <li>{@link Billing#ANNUAL}: one period per year of the term, counted from its start, due on
 *       its first day: a year is paid before it starts to be served.
 *   <li>{@link Billing#ONCE}: the whole term is one period, due on its first day.
 * </ul>
 * A period shorter than a full month or year costs the fee pro rata by calendar days. Amounts
 * are net (001 3); tax is added at the centre's rate, each amount rounded by {@link Price}'s rule.
 */
public final class BillingSchedule {

  /** Monthly fees fall due on this day of the month (002 第三条(三)). */
  public static final int MONTHLY_DUE_DAY = 5;

  private BillingSchedule() {}

  /** A period of a term as it is billed. */
  public record PlannedPeriod(LocalDate from, LocalDate to, Price price, LocalDate dueOn) {}

  public static List<PlannedPeriod> periods(Billing billing, LocalDate startsOn, LocalDate endsOn, BigDecimal fee,
      BigDecimal taxRate, String currency) {
    if (endsOn.isBefore(startsOn)) {
      throw new IllegalArgumentException("A term ends on or after its start: " + startsOn + " to " + endsOn);
    }
    List<PlannedPeriod> periods = new ArrayList<>();
    switch (billing) {
      case ONCE -> periods.add(new PlannedPeriod(startsOn, endsOn, Price.ofNet(fee, taxRate, currency), startsOn));
      case MONTHLY -> {
        for (LocalDate month = startsOn.withDayOfMonth(1); !month.isAfter(endsOn); month = month.plusMonths(1)) {
          LocalDate from = max(month, startsOn);
          LocalDate to = min(month.plusMonths(1).minusDays(1), endsOn);
          BigDecimal net = proRata(fee, from, to, month, month.plusMonths(1));
          LocalDate dueOn = max(from, min(month.withDayOfMonth(MONTHLY_DUE_DAY), to));
          periods.add(new PlannedPeriod(from, to, Price.ofNet(net, taxRate, currency), dueOn));
        }
      }
      case ANNUAL -> {
        for (int year = 0; !startsOn.plusYears(year).isAfter(endsOn); year++) {
          LocalDate yearStart = startsOn.plusYears(year);
          LocalDate yearEnd = startsOn.plusYears(year + 1L);
          LocalDate to = min(yearEnd.minusDays(1), endsOn);
          BigDecimal net = proRata(fee, yearStart, to, yearStart, yearEnd);
          periods.add(new PlannedPeriod(yearStart, to, Price.ofNet(net, taxRate, currency), yearStart));
        }
      }
    }
    return periods;
  }

  /**
   * The late fee of an amount unpaid since its due date: {@code ratePerDay} of it for every
   * calendar day after the due date up to and including {@code on} (002 第三条(三)), rounded once.
   */
  public static BigDecimal lateFee(BigDecimal amount, LocalDate dueOn, LocalDate on, BigDecimal ratePerDay) {
    long daysLate = ChronoUnit.DAYS.between(dueOn, on);
    return daysLate <= 0 ? Price.round(BigDecimal.ZERO) : Price.round(amount.multiply(ratePerDay).multiply(BigDecimal.valueOf(daysLate)));
  }

  /** The fee for the days {@code from}..{@code to} of a full span {@code spanStart} (inclusive) .. {@code spanEnd} (exclusive). */
  private static BigDecimal proRata(BigDecimal fee, LocalDate from, LocalDate to, LocalDate spanStart, LocalDate spanEnd) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    long spanDays = ChronoUnit.DAYS.between(spanStart, spanEnd);
    if (days == spanDays) {
      return fee;
    }
    return fee.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(spanDays), Price.SCALE, Price.ROUNDING);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
