package io.rmaflow.contract;

import io.rmaflow.process.Priority;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The service levels a contract promises: first response and resolution in working hours, the
 * latter per priority, and for support contracts the availability of the covered system in
 * percent of a month. A contract states what differs from the centre's own levels.
 */
public record ServiceLevels(Integer responseWorkingHours, Map<Priority, Integer> resolutionWorkingHours,
    BigDecimal availabilityTarget) {

  public ServiceLevels {
    resolutionWorkingHours = resolutionWorkingHours == null ? Map.of() : Map.copyOf(resolutionWorkingHours);
  }

  /** These levels where stated, the defaults elsewhere. */
  public ServiceLevels orElse(ServiceLevels defaults) {
    Map<Priority, Integer> resolution = new java.util.EnumMap<>(Priority.class);
    resolution.putAll(defaults.resolutionWorkingHours());
    resolution.putAll(resolutionWorkingHours);
    return new ServiceLevels(responseWorkingHours != null ? responseWorkingHours : defaults.responseWorkingHours(),
        resolution, availabilityTarget != null ? availabilityTarget : defaults.availabilityTarget());
  }
}
