package io.rmaflow;

import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * "Now" and "today" for tests: the application's clock (the engine's) in the centre's time
 * zone, never the JVM's. With {@code -Drma.test.clock=HH:mm} the whole suite runs as if it
 * started at that centre time of the day, the clock running on from there; {@code .ci/run}
 * starts it at times where the centre's date differs from the JVM zone's, so a test or a
 * class that takes its date from the JVM fails at once.
 */
public final class TestClock implements LauncherSessionListener {

  public static final ZoneId CENTRE = ZoneId.of(RmaProperties.Centre.DEFAULT_ZONE);
  static final String PROPERTY = "rma.test.clock";

  /** Milliseconds the suite's clock runs ahead of the machine's; 0 without {@value #PROPERTY}. */
  private static volatile long offset;

  public static ZonedDateTime now() {
    return RmaClock.now(CENTRE);
  }

  public static Instant instant() {
    return now().toInstant();
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** Back to the suite's running clock after a test fixed the engine's clock. */
  public static void reset() {
    ClockUtil.reset();
    if (offset != 0) {
      ClockUtil.offset(offset);
    }
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String start = System.getProperty(PROPERTY, "");
    if (!start.isBlank()) {
      ZonedDateTime real = ZonedDateTime.now(CENTRE);
      ZonedDateTime suite = real.with(LocalTime.parse(start.trim()));
      offset = Duration.between(real, suite).toMillis();
      System.out.printf("Test clock: the suite starts at %s, the JVM's time zone is %s%n", suite, ZoneId.systemDefault());
    }
    reset();
  }
}
