package io.rmaflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.contract.Outage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The month arithmetic of availability, in the centre's zone: months of 28 to 31 days, outages
 * over a month's end or still open at it, overlapping outages, the target met to the minute.
 * Expected percentages are worked out by hand: 1 - downtime / the month's minutes.
 */
class AvailabilityTest {

  static final ZoneId CENTRE = ZoneId.of("Asia/Shanghai");
  static final BigDecimal TARGET = new BigDecimal("99.5");
  /** Long after every month below: outages still open count to the month's end. */
  static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

  private static Availability of(String month, String... outages) {
    YearMonth yearMonth = YearMonth.parse(month);
    List<Outage> reported = new ArrayList<>();
    for (int i = 0; i < outages.length; i++) {
      String[] span = outages[i].split("/");
      reported.add(new Outage(i + 1, "SC-2026-000001", OffsetDateTime.parse(span[0]),
          span[1].equals("open") ? null : OffsetDateTime.parse(span[1]), "outage " + (i + 1), OffsetDateTime.parse(span[0])));
    }
    ZonedDateTime from = yearMonth.atDay(1).atStartOfDay(CENTRE);
    return Availability.of(reported, from, yearMonth.plusMonths(1).atDay(1).atStartOfDay(CENTRE), LATER, TARGET);
  }

  @ParameterizedTest(name = "{0}: {1} minutes, {2} %")
  @CsvSource({
      // one hour down: 60 of 40320, 41760, 43200 and 44640 minutes
      "2027-02, 40320, 99.851",
      "2028-02, 41760, 99.856",
      "2027-04, 43200, 99.861",
      "2027-01, 44640, 99.866"})
  void anHourDownWeighsByTheMonthsLength(String month, long minutes, String percent) {
    Availability availability = of(month, month + "-10T10:00:00+08:00/" + month + "-10T11:00:00+08:00");

    assertThat(availability.monthMinutes()).isEqualTo(minutes);
    assertThat(availability.downtimeMinutes()).isEqualTo(60);
    assertThat(availability.actual()).isEqualTo(percent);
    assertThat(availability.met()).isTrue();
  }

  @Test
  void anOutageOverAMonthsEndCountsInEachMonthForItsOwnPart() {
    String outage = "2026-11-30T23:00:00+08:00/2026-12-01T01:00:00+08:00";

    assertThat(of("2026-11", outage).downtimeMinutes()).isEqualTo(60);
    assertThat(of("2026-12", outage).downtimeMinutes()).isEqualTo(60);
    assertThat(of("2026-12", outage).outages()).singleElement()
        .satisfies(inMonth -> assertThat(inMonth.minutesInMonth()).isEqualTo(60));
  }

  @Test
  void theMonthRunsInTheCentresZone() {
    // 2026-11-30T16:30Z is 2026-12-01 00:30 in Shanghai: December's, not November's.
    String outage = "2026-11-30T16:30:00Z/2026-11-30T17:30:00Z";

    assertThat(of("2026-11", outage).downtimeMinutes()).isZero();
    assertThat(of("2026-12", outage).downtimeMinutes()).isEqualTo(60);
  }

  @Test
  void anOutageStillOpenAtTheMonthsEndCountsToItsEnd() {
    // From 20:00 on the 30th to midnight: 240 of 43200 minutes, 99.444 %, below 99.5 %.
    Availability availability = of("2026-11", "2026-11-30T20:00:00+08:00/open");

    assertThat(availability.downtimeMinutes()).isEqualTo(240);
    assertThat(availability.actual()).isEqualTo("99.444");
    assertThat(availability.met()).isFalse();
  }

  @Test
  void anOutageStillOpenWhileTheMonthRunsCountsToNow() {
    YearMonth month = YearMonth.parse("2026-11");
    Outage open = new Outage(1, "SC-2026-000001", OffsetDateTime.parse("2026-11-10T10:00:00+08:00"), null, "open",
        OffsetDateTime.parse("2026-11-10T10:00:00+08:00"));

    Availability availability = Availability.of(List.of(open), month.atDay(1).atStartOfDay(CENTRE),
        month.plusMonths(1).atDay(1).atStartOfDay(CENTRE), Instant.parse("2026-11-10T03:30:00Z"), TARGET);

    assertThat(availability.downtimeMinutes()).isEqualTo(90);
  }

  @Test
  void overlappingOutagesCountTheirOverlapOnce() {
    // 10:00-11:00 and 10:30-11:30 are 90 minutes down together; 12:00-12:10 adds 10.
    Availability availability = of("2027-04", "2027-04-02T10:00:00+08:00/2027-04-02T11:00:00+08:00",
        "2027-04-02T10:30:00+08:00/2027-04-02T11:30:00+08:00", "2027-04-02T12:00:00+08:00/2027-04-02T12:10:00+08:00");

    assertThat(availability.downtimeMinutes()).isEqualTo(100);
    assertThat(availability.outages()).hasSize(3);
  }

  @Test
  void theTargetIsMetUpToTheMinuteItAllows() {
    // 0.5 % of a 30-day month is 216 minutes: 99.500 % meets 99.5 %, 217 minutes (99.498 %) does not.
    assertThat(of("2027-04", "2027-04-05T00:00:00+08:00/2027-04-05T03:36:00+08:00"))
        .satisfies(availability -> {
          assertThat(availability.actual()).isEqualTo("99.500");
          assertThat(availability.met()).isTrue();
        });
    assertThat(of("2027-04", "2027-04-05T00:00:00+08:00/2027-04-05T03:37:00+08:00"))
        .satisfies(availability -> {
          assertThat(availability.actual()).isEqualTo("99.498");
          assertThat(availability.met()).isFalse();
        });
  }

  @Test
  void aMonthWithoutOutagesIsFullyAvailable() {
    Availability availability = of("2027-02", "2027-01-10T10:00:00+08:00/2027-01-10T11:00:00+08:00");

    assertThat(availability.actual()).isEqualTo("100.000");
    assertThat(availability.outages()).isEmpty();
    assertThat(availability.met()).isTrue();
  }
}
