package io.rmaflow.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Breaches per service level as the metric {@code rma.sla.breaches}, read from the breach
 * records: a cluster-wide total that survives restarts. Every node reports the same total,
 * so dashboards take its maximum across nodes, not their sum.
 */
@Component
public class SlaMetrics implements MeterBinder {

  private final SlaService slas;

  public SlaMetrics(SlaService slas) {
    this.slas = slas;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ServiceLevel level : ServiceLevel.values()) {
      Gauge.builder("rma.sla.breaches", () -> slas.breaches(level))
          .description("Service levels missed since records began")
          .tag("level", level.name())
          .register(registry);
    }
  }
}
