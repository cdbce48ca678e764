package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.process.RmaProcess.UserTask;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Service-level health over HTTP: overdue and at-risk tasks, breach metrics, the managers' Overdue filter. */
@RmaSpringBootTest
class SlaApiTest {

  /** Tuesday 10:00 in Shanghai: a MEDIUM case is due in 24 working hours, Thursday 16:00. */
  static final ZonedDateTime TUESDAY_1000 = ZonedDateTime.parse("2026-11-17T10:00+08:00[Asia/Shanghai]");

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    driver.setClock(TUESDAY_1000.toInstant());
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void aTaskIsAtRiskShortlyBeforeItsDeadlineAndOverdueAfterIt() {
    String rma = driver.submit(Applications.withInvoice(LocalDate.parse("2026-10-01"))).getBusinessKey();

    driver.setClock(TUESDAY_1000.plusDays(2).plusHours(5).toInstant());
    JsonNode atRisk = api.get("owner", "/api/sla/tasks?state=AT_RISK").getBody();
    driver.setClock(TUESDAY_1000.plusDays(2).plusHours(6).plus(Duration.ofMinutes(30)).toInstant());
    JsonNode overdue = api.get("owner", "/api/sla/tasks").getBody();

    assertThat(entryFor(atRisk, rma).path("workingMinutesLate").asLong()).isEqualTo(-60);
    assertThat(entryFor(atRisk, rma).path("due").asText()).isEqualTo("2026-11-19T16:00:00+08:00");
    assertThat(entryFor(overdue, rma).path("task").asText()).isEqualTo(UserTask.REMOTE_DIAGNOSIS.id());
    assertThat(entryFor(overdue, rma).path("workingMinutesLate").asLong()).isEqualTo(30);
    assertThat(api.get("owner", "/api/sla/tasks?state=LATE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.get("manager", "/api/sla/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("desk", "/api/sla/tasks").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("portal", "/api/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode caseDeadlines = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("deadlines").path("tasks");
    assertThat(caseDeadlines.get(0).path("task").asText()).isEqualTo(UserTask.REMOTE_DIAGNOSIS.id());
    assertThat(caseDeadlines.get(0).path("due").asText()).isEqualTo("2026-11-19T16:00:00+08:00");
  }

  @Test
  void breachesAreCountedPerServiceLevelAsMetrics() {
    String rma = driver.submit(Applications.withInvoice(LocalDate.parse("2026-10-01"))).getBusinessKey();
    double before = breaches("RESPONSE");

    driver.fireTimer(rma, Elements.RESPONSE_SLA_TIMER);

    assertThat(breaches("RESPONSE")).isEqualTo(before + 1);
    assertThat(api.get(null, "/api/actuator/metrics/rma.sla.breaches").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get(null, "/api/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get(null, "/api/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void managersAndOwnersHaveAnOverdueFilterInTasklist() {
    JsonNode managerFilters = api.get("manager", "/engine-rest/filter").getBody();
    JsonNode deskFilters = api.get("desk", "/engine-rest/filter").getBody();

    assertThat(managerFilters.findValuesAsText("name")).contains("Overdue");
    assertThat(api.get("owner", "/engine-rest/filter").getBody().findValuesAsText("name")).contains("Overdue");
    assertThat(deskFilters.findValuesAsText("name")).doesNotContain("Overdue");
  }

  private double breaches(String level) {
    JsonNode metric = api.get("owner", "/api/actuator/metrics/rma.sla.breaches?tag=level:{level}", level).getBody();
    return metric.path("measurements").get(0).path("value").asDouble();
  }

  private static JsonNode entryFor(JsonNode tasks, String rma) {
    for (JsonNode task : tasks) {
      if (task.path("rmaNumber").asText().equals(rma)) {
        return task;
      }
    }
    throw new AssertionError(rma + " not in " + tasks);
  }
}
