package io.rmaflow.portal;

import io.rmaflow.support.RmaProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Moments as the customer pages show them: to the minute, in the centre's time zone, which is named. */
@Component("portalDates")
public class PortalDates {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  PortalDates(RmaProperties properties) {
    this.zone = properties.centre().zoneId();
  }

  public String at(OffsetDateTime time) {
    return time == null ? "" : MINUTE.format(time.atZoneSameInstant(zone));
  }

  public String day(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  public String zone() {
    return zone.getId();
  }
}
