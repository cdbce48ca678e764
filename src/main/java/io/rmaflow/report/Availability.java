package io.rmaflow.report;

import io.rmaflow.contract.Outage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The availability of a support contract's system in a month (002 第二条(四)): one minus the
 * downtime within the month over the month's length. An outage that began before the month
 * counts from its first moment, one still open at its end counts to its end; outages that
 * overlap count their overlap once. The percentage is shown to three decimals, half up; whether
 * the target is met is decided on the exact figure, so 99.4996 % does not pass for 99.5 %.
 */
public record Availability(BigDecimal target, BigDecimal actual, long downtimeMinutes, long monthMinutes, boolean met,
    List<OutageInMonth> outages) {

  /** Percentages of availability carry three decimals. */
  public static final int SCALE = 3;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** An outage as the month saw it: the minutes of it that fell in the month. */
  public record OutageInMonth(long id, OffsetDateTime startedAt, OffsetDateTime endedAt, String description,
      long minutesInMonth) {}

  /**
   * @param until the month's end, exclusive; an open outage counts up to it, or up to {@code now} when that is earlier
   */
  public static Availability of(List<Outage> outages, ZonedDateTime from, ZonedDateTime until, Instant now,
      BigDecimal target) {
    Instant start = from.toInstant();
    Instant end = until.toInstant();
    Instant counted = now.isBefore(end) ? now : end;
    List<Instant[]> spans = new ArrayList<>();
    List<OutageInMonth> inMonth = new ArrayList<>();
    for (Outage outage : outages) {
      Instant begins = max(outage.startedAt().toInstant(), start);
      Instant ends = min(outage.endedAt() == null ? counted : outage.endedAt().toInstant(), counted);
      if (ends.isAfter(begins)) {
        spans.add(new Instant[] {begins, ends});
        inMonth.add(new OutageInMonth(outage.id(), local(outage.startedAt(), from), local(outage.endedAt(), from),
            outage.description(),
            Duration.between(begins, ends).toMinutes()));
      }
    }
    Duration downtime = merged(spans);
    Duration length = Duration.between(start, end);
    BigDecimal down = BigDecimal.valueOf(downtime.toSeconds());
    BigDecimal total = BigDecimal.valueOf(length.toSeconds());
    BigDecimal exact = HUNDRED.subtract(down.multiply(HUNDRED).divide(total, MathContext.DECIMAL64));
    return new Availability(target, exact.setScale(SCALE, RoundingMode.HALF_UP), downtime.toMinutes(), length.toMinutes(),
        exact.compareTo(target) >= 0, List.copyOf(inMonth));
  }

  /** The time covered by the spans, each moment once. */
  private static Duration merged(List<Instant[]> spans) {
    spans.sort(Comparator.comparing(span -> span[0]));
    Duration total = Duration.ZERO;
    Instant coveredTo = null;
    for (Instant[] span : spans) {
      if (coveredTo == null || span[0].isAfter(coveredTo)) {
        total = total.plus(Duration.between(span[0], span[1]));
        coveredTo = span[1];
      } else if (span[1].isAfter(coveredTo)) {
        total = total.plus(Duration.between(coveredTo, span[1]));
        coveredTo = span[1];
      }
    }
    return total;
  }

  private static OffsetDateTime local(OffsetDateTime time, ZonedDateTime zone) {
    return time == null ? null : time.atZoneSameInstant(zone.getZone()).toOffsetDateTime();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
