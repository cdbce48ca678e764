package io.rmaflow.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application. It reads the engine's clock so that deadlines we
 * compute and the timers the engine fires agree, also when tests move the engine clock.
 */
@Component
public class RmaClock {

  private final RmaProperties properties;

  public RmaClock(RmaProperties properties) {
    this.properties = properties;
  }

  /** Now in the service centre's time zone, to the second. */
  public ZonedDateTime now() {
    return now(properties.centre().zoneId());
  }

  /** Now on the engine's clock, in {@code zone}, to the second; for code without the application's settings. */
  public static ZonedDateTime now(ZoneId zone) {
    return ClockUtil.now().toInstant().atZone(zone).truncatedTo(ChronoUnit.SECONDS);
  }

  public OffsetDateTime nowOffset() {
    return now().toOffsetDateTime();
  }

  public LocalDate today() {
    return now().toLocalDate();
  }

  /** This clock as a {@link Clock}, for libraries that take one (e.g. "not in the future" validation). */
  public Clock asClock() {
    ZoneId zone = properties.centre().zoneId();
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other);
      }

      @Override
      public Instant instant() {
        return ClockUtil.now().toInstant();
      }
    };
  }
}
