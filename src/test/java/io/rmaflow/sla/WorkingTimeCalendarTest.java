package io.rmaflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingTimeCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  /** Office hours with a week of holidays (Thu 2026-10-01 to Wed 10-07) and a make-up Saturday (10-10). */
  static final WorkingTimeCalendar CENTRE = new WorkingTimeCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
      WEEKDAYS, Stream.iterate(LocalDate.parse("2026-10-01"), d -> d.plusDays(1)).limit(7).collect(Collectors.toSet()),
      Set.of(LocalDate.parse("2026-10-10")));

  @ParameterizedTest(name = "{0} + {1} working hours = {2}")
  @CsvSource(textBlock = """
      # from (local),      hours, due (local)
      2026-11-20T17:00,    4,     2026-11-23T12:00
      2026-11-17T10:00,    4,     2026-11-17T14:00
      2026-11-17T14:00,    4,     2026-11-17T18:00
      2026-11-17T16:00,    4,     2026-11-18T11:00
      2026-11-17T07:30,    4,     2026-11-17T13:00
      2026-11-17T20:00,    4,     2026-11-18T13:00
      2026-11-21T10:00,    4,     2026-11-23T13:00
      2026-11-22T23:59,    4,     2026-11-23T13:00
      2026-11-23T09:00,    24,    2026-11-25T15:00
      2026-11-23T09:00,    8,     2026-11-23T17:00
      2026-11-23T09:00,    40,    2026-11-27T13:00
      2026-09-30T16:00,    4,     2026-10-08T11:00
      2026-09-30T18:00,    1,     2026-10-08T10:00
      2026-10-09T17:00,    4,     2026-10-10T12:00
      2026-10-10T17:30,    1,     2026-10-12T09:30
      2026-11-21T10:00,    0,     2026-11-23T09:00
      2026-11-17T11:11,    0,     2026-11-17T11:11
      """)
  void deadlinesCountOnlyWorkingTime(LocalDateTime from, long hours, LocalDateTime due) {
    Instant start = from.atZone(SHANGHAI).toInstant();

    Instant deadline = CENTRE.plus(start, Duration.ofHours(hours));

    assertThat(deadline.atZone(SHANGHAI).toLocalDateTime()).isEqualTo(due);
    assertThat(CENTRE.between(start, deadline)).isEqualTo(Duration.ofHours(hours));
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource(textBlock = """
      2026-11-17T10:00, 1,  2026-11-18T10:00
      2026-11-20T10:00, 3,  2026-11-25T10:00
      2026-11-21T15:00, 1,  2026-11-23T18:00
      2026-11-16T09:00, 10, 2026-11-27T18:00
      2026-09-29T12:00, 2,  2026-10-08T12:00
      """)
  void workingDaysAreWholeWorkingDaysOfWorkingTime(LocalDateTime from, int days, LocalDateTime due) {
    Instant deadline = CENTRE.plusWorkingDays(from.atZone(SHANGHAI).toInstant(), days);

    assertThat(deadline.atZone(SHANGHAI).toLocalDateTime()).isEqualTo(due);
  }

  @Test
  void holidaysAreNotWorkingDaysAndMakeUpDaysAre() {
    assertThat(CENTRE.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(CENTRE.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    assertThat(CENTRE.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
    assertThat(CENTRE.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
  }

  @Test
  void theSameInstantMeansTheCentresLocalTime() {
    Instant fridayEveningInShanghai = Instant.parse("2026-11-20T09:00:00Z");

    Instant shanghai = CENTRE.plus(fridayEveningInShanghai, Duration.ofHours(4));
    Instant berlin = WorkingTimeCalendar.officeHours(BERLIN).plus(fridayEveningInShanghai, Duration.ofHours(4));

    assertThat(shanghai).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
    assertThat(berlin).isEqualTo(ZonedDateTime.parse("2026-11-20T14:00+01:00[Europe/Berlin]").toInstant());
  }

  @Test
  void deadlinesAcrossDaylightSavingChangesKeepLocalOfficeHours() {
    WorkingTimeCalendar berlin = WorkingTimeCalendar.officeHours(BERLIN);

    // Summer time starts Sunday 2026-03-29, ends Sunday 2026-10-25.
    Instant spring = berlin.plus(ZonedDateTime.parse("2026-03-27T17:00+01:00[Europe/Berlin]").toInstant(), Duration.ofHours(4));
    Instant autumn = berlin.plus(ZonedDateTime.parse("2026-10-23T17:00+02:00[Europe/Berlin]").toInstant(), Duration.ofHours(4));

    assertThat(spring.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T12:00"));
    assertThat(spring.atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(7200);
    assertThat(autumn.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-26T12:00"));
    assertThat(autumn.atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void aWorkingDayThatLosesAnHourToDaylightSavingCountsRealTime() {
    // A night shift 01:00-05:00 on the make-up Sunday when clocks jump from 02:00 to 03:00.
    WorkingTimeCalendar nightShift = new WorkingTimeCalendar(BERLIN, LocalTime.of(1, 0), LocalTime.of(5, 0),
        EnumSet.of(DayOfWeek.MONDAY), Set.of(), Set.of(LocalDate.parse("2026-03-29")));
    Instant start = ZonedDateTime.parse("2026-03-29T01:00+01:00[Europe/Berlin]").toInstant();

    Instant due = nightShift.plus(start, Duration.ofHours(2));

    assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T04:00"));
    assertThat(nightShift.between(start, ZonedDateTime.parse("2026-03-29T05:00+02:00[Europe/Berlin]").toInstant()))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void workingTimeBetweenIgnoresNightsWeekendsAndHolidays() {
    Instant from = LocalDateTime.parse("2026-09-30T17:00").atZone(SHANGHAI).toInstant();
    Instant to = LocalDateTime.parse("2026-10-08T10:30").atZone(SHANGHAI).toInstant();

    assertThat(CENTRE.between(from, to)).isEqualTo(Duration.ofMinutes(150));
    assertThat(CENTRE.between(to, from)).isZero();
  }

  @Test
  void aCalendarMustBeUsable() {
    assertThatThrownBy(() -> new WorkingTimeCalendar(SHANGHAI, LocalTime.of(18, 0), LocalTime.of(9, 0), WEEKDAYS, Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CENTRE.plus(Instant.now(), Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(CENTRE.workingDay()).isEqualTo(Duration.ofHours(9));
  }
}
