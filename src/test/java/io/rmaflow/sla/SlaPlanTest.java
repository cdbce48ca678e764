package io.rmaflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.Priority;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The promise the timeline and the escalation task state is the one configured, not a fixed text. */
class SlaPlanTest {

  @Test
  void theDefaultPromisesAreTheServiceTerms() {
    SlaPlan plan = plan(Map.of());

    assertThat(plan.promise(ServiceLevel.RESPONSE, Priority.MEDIUM)).isEqualTo("first response within 4 working hours");
    assertThat(plan.promise(ServiceLevel.RESOLUTION, Priority.HIGH))
        .isEqualTo("remote triage resolved within 8 working hours (priority HIGH)");
    assertThat(plan.promise(ServiceLevel.RESOLUTION, null))
        .isEqualTo("remote triage resolved within 24 working hours (priority MEDIUM)");
    assertThat(plan.promise(ServiceLevel.COMPLAINT, Priority.LOW)).isEqualTo("complaint answered within 2 working days");
  }

  @Test
  void aCentreWithOtherServiceLevelsPromisesItsOwn() {
    SlaPlan plan = plan(Map.of("rma.sla.response", "PT1H", "rma.sla.resolution-low", "PT90M",
        "rma.sla.complaint-working-days", "1"));

    assertThat(plan.promise(ServiceLevel.RESPONSE, Priority.MEDIUM)).isEqualTo("first response within 1 working hour");
    assertThat(plan.promise(ServiceLevel.RESOLUTION, Priority.LOW))
        .isEqualTo("remote triage resolved within 90 working minutes (priority LOW)");
    assertThat(plan.promise(ServiceLevel.COMPLAINT, Priority.LOW)).isEqualTo("complaint answered within 1 working day");
  }

  private static SlaPlan plan(Map<String, String> settings) {
    RmaProperties properties = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("rma", RmaProperties.class);
    return new SlaPlan(WorkingTimeCalendar.officeHours(properties.centre().zoneId()), new RmaClock(properties), properties);
  }
}
