package io.rmaflow.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The service centre's working time: working days from a start to an end time of day in the
 * centre's time zone (by default Monday to Friday, 09:00-18:00, service terms 002 第四条(一)),
 * less public holidays, plus make-up working days that fall on a weekend. SLA deadlines count
 * only this time: "4 working hours" from Friday 17:00 is Monday 12:00.
 */
public final class WorkingTimeCalendar {

  private final ZoneId zone;
  private final LocalTime dayStart;
  private final LocalTime dayEnd;
  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkingDays;

  public WorkingTimeCalendar(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workingDays,
      Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
    if (!dayStart.isBefore(dayEnd)) {
      throw new IllegalArgumentException("The working day must start before it ends: " + dayStart + "-" + dayEnd);
    }
    if (workingDays.isEmpty() && makeUpWorkingDays.isEmpty()) {
      throw new IllegalArgumentException("A working-time calendar needs working days");
    }
    this.zone = zone;
    this.dayStart = dayStart;
    this.dayEnd = dayEnd;
    this.workingDays = EnumSet.copyOf(workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : workingDays);
    this.holidays = Set.copyOf(holidays);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
  }

  /** Monday to Friday, 09:00-18:00, no holidays. */
  public static WorkingTimeCalendar officeHours(ZoneId zone) {
    return new WorkingTimeCalendar(zone, LocalTime.of(9, 0), LocalTime.of(18, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of());
  }

  public ZoneId zone() {
    return zone;
  }

  /** The length of one working day, e.g. 9 hours. */
  public Duration workingDay() {
    return Duration.between(dayStart, dayEnd);
  }

  /** A configured public holiday (not a weekend). */
  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    if (makeUpWorkingDays.contains(date)) {
      return true;
    }
    return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /**
   * The instant when {@code workingTime} of working time has passed after {@code from}. Time
   * outside working hours does not count; a deadline that ends exactly at the close of a
   * working day stays on that day.
   */
  public Instant plus(Instant from, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
    }
    ZonedDateTime cursor = from.atZone(zone);
    Duration remaining = workingTime;
    while (true) {
      cursor = nextWorkingMoment(cursor);
      if (remaining.isZero()) {
        return cursor.toInstant();
      }
      ZonedDateTime close = at(cursor.toLocalDate(), dayEnd);
      Duration leftToday = Duration.between(cursor, close);
      if (remaining.compareTo(leftToday) <= 0) {
        return cursor.plus(remaining).toInstant();
      }
      remaining = remaining.minus(leftToday);
      cursor = at(cursor.toLocalDate().plusDays(1), dayStart);
    }
  }

  /** {@code days} working days after {@code from}: the same time of day, that many working days on. */
  public Instant plusWorkingDays(Instant from, int days) {
    return plus(from, workingDay().multipliedBy(days));
  }

  /** Working time between two instants; zero when {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    ZonedDateTime cursor = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    while (cursor.isBefore(end)) {
      cursor = nextWorkingMoment(cursor);
      if (!cursor.isBefore(end)) {
        break;
      }
      ZonedDateTime close = at(cursor.toLocalDate(), dayEnd);
      ZonedDateTime stop = close.isBefore(end) ? close : end;
      total = total.plus(Duration.between(cursor, stop));
      cursor = at(cursor.toLocalDate().plusDays(1), dayStart);
    }
    return total;
  }

  /** {@code moment} itself when it is working time, else the start of the next working period. */
  private ZonedDateTime nextWorkingMoment(ZonedDateTime moment) {
    LocalDate day = moment.toLocalDate();
    if (isWorkingDay(day)) {
      ZonedDateTime open = at(day, dayStart);
      if (moment.isBefore(open)) {
        return open;
      }
      if (moment.isBefore(at(day, dayEnd))) {
        return moment;
      }
    }
    LocalDate next = day.plusDays(1);
    // A calendar with working days finds one within a year, holidays or not.
    for (int i = 0; i < 366 && !isWorkingDay(next); i++) {
      next = next.plusDays(1);
    }
    if (!isWorkingDay(next)) {
      throw new IllegalStateException("No working day within a year after " + day);
    }
    return at(next, dayStart);
  }

  /** A local time on a date; a time skipped by a daylight-saving change moves forward with it. */
  private ZonedDateTime at(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(LocalDateTime.of(date, time), zone);
  }
}
