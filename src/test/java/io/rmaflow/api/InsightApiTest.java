package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.contract.Contracts;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.shipping.ShipInService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/insight} against what the rest of the API says about the same cases:
 * statuses from the case search, deadlines and shipments from the case bodies, breaches from
 * the metrics and case timelines, overdue tasks from {@code /api/sla/tasks}. The cases run in
 * weeks of 2035 that no other test uses, so the weekly figures hold only these cases.
 */
@RmaSpringBootTest
class InsightApiTest {

  /** A Monday, 09:00 in Shanghai. */
  static final ZonedDateTime MONDAY = ZonedDateTime.parse("2035-03-05T09:00+08:00[Asia/Shanghai]");
  static final ZonedDateTime LATER_MONDAY = ZonedDateTime.parse("2035-04-02T09:00+08:00[Asia/Shanghai]");

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired ShipInService shipIn;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void openCasesWaitingCustomersAndBreachesAgreeWithTheRestOfTheApi() {
    driver.setClock(MONDAY.toInstant());
    String late = driver.submit(Applications.withInvoice(MONDAY.toLocalDate().minusMonths(2))).getBusinessKey();
    String notShipped = sentIn(Applications.withInvoice(MONDAY.toLocalDate().minusMonths(2)));
    String inTransit = sentIn(Applications.withInvoice(MONDAY.toLocalDate().minusMonths(2)));
    shipIn.reportShipment(inTransit, "SF Express", "SF-" + inTransit);
    driver.runAsyncSteps(inTransit);
    String proof = diagnosed(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null,
        false), false);
    String payment = diagnosed(Applications.withInvoice(MONDAY.toLocalDate().minusYears(2)), true);
    driver.fireTimer(late, Elements.RESPONSE_SLA_TIMER);
    driver.setClock(MONDAY.plusDays(1).toInstant());

    JsonNode insight = insight("owner", 1);

    assertThat(caseOf(notShipped).path("status").asText()).isEqualTo("AWAITING_DEVICE");
    assertThat(caseOf(inTransit).path("status").asText()).isEqualTo("AWAITING_DEVICE");
    assertThat(caseOf(proof).path("status").asText()).isEqualTo("AWAITING_PROOF");
    assertThat(caseOf(payment).path("status").asText()).isEqualTo("AWAITING_PAYMENT");

    long open = 0;
    for (JsonNode entry : insight.path("openCases").path("byStatus")) {
      long listed = api.get("portal", "/api/rmas?status={status}&size=1", entry.path("status").asText()).getBody()
          .path("totalItems").asLong();
      assertThat(entry.path("count").asLong()).as(entry.path("status").asText()).isEqualTo(listed);
      open += listed;
    }
    assertThat(insight.path("openCases").path("total").asLong()).isEqualTo(open);
    assertThat(insight.path("openCases").path("byStatus").findValuesAsText("status"))
        .doesNotContain("CLOSED").hasSize(CaseStatus.values().length - 1);

    OffsetDateTime lapsingBefore = OffsetDateTime.parse(insight.path("generatedAt").asText()).plusDays(2);
    List<JsonNode> awaitingDevice = casesIn("AWAITING_DEVICE");
    List<JsonNode> notSent = awaitingDevice.stream().filter(c -> c.path("shipments").path("inbound").isNull()).toList();
    assertThat(notSent).extracting(c -> c.path("rmaNumber").asText()).contains(notShipped).doesNotContain(inTransit);
    assertWaiting(insight, "DEVICE_NOT_SHIPPED", notSent, "autoCloseAt", lapsingBefore);
    assertWaiting(insight, "PROOF_OF_PURCHASE", casesIn("AWAITING_PROOF"), "proofDueBy", lapsingBefore);
    assertWaiting(insight, "PAYMENT", casesIn("AWAITING_PAYMENT"), "paymentDueBy", lapsingBefore);
    assertThat(insight.path("waitingOnCustomers").path("total").asLong())
        .isEqualTo(notSent.size() + casesIn("AWAITING_PROOF").size() + casesIn("AWAITING_PAYMENT").size());

    JsonNode sla = insight.path("slaBreaches");
    for (JsonNode level : sla.path("byLevel")) {
      assertThat(level.path("count").asDouble()).as(level.path("level").asText())
          .isEqualTo(metric(level.path("level").asText()));
    }
    JsonNode thisWeek = sla.path("byWeek").get(0);
    assertThat(thisWeek.path("weekStart").asText()).isEqualTo("2035-03-05");
    assertThat(thisWeek.path("total").asLong()).isEqualTo(1);
    assertThat(countOf(thisWeek.path("byLevel"), "level", "RESPONSE")).isEqualTo(1);
    assertThat(sla.path("latest")).hasSize(1);
    assertThat(sla.path("latest").get(0).path("rmaNumber").asText()).isEqualTo(late);
    assertThat(sla.path("latest").get(0).path("breachedAt").asText()).isEqualTo("2035-03-05T13:00:00+08:00");
    assertThat(timelineEvents(late)).contains("SLA_BREACHED");
    JsonNode overdue = api.get("owner", "/api/sla/tasks?state=OVERDUE").getBody();
    JsonNode atRisk = api.get("owner", "/api/sla/tasks?state=AT_RISK").getBody();
    assertThat(overdue.size()).isLessThan(500);
    assertThat(sla.path("overdueTasksNow").asLong()).isEqualTo(overdue.size());
    assertThat(sla.path("atRiskTasksNow").asLong()).isEqualTo(atRisk.size());
  }

  @Test
  void turnaroundIsTheMedianAndNinetiethPercentileOfDaysFromSubmissionToClosing() {
    driver.setClock(LATER_MONDAY.toInstant());
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(driver.submit(Applications.withInvoice(LATER_MONDAY.toLocalDate().minusMonths(2))).getBusinessKey());
    }
    closeRemotely(cases.get(0), 1, "RESOLVED");
    closeRemotely(cases.get(1), 2, "RESOLVED");
    closeRemotely(cases.get(2), 4, "RESOLVED");
    closeRemotely(cases.get(3), 5, "REFUSED");
    driver.setClock(LATER_MONDAY.plusDays(5).plusHours(2).toInstant());

    JsonNode turnaround = insight("manager", 2).path("turnaround");

    List<Double> daysByApi = cases.stream().map(this::daysFromSubmissionToClosing).toList();
    assertThat(daysByApi).containsExactly(1.0, 2.0, 4.0, 5.0);
    assertThat(turnaround.path("overall").path("count").asLong()).isEqualTo(4);
    assertThat(turnaround.path("overall").path("medianDays").asDouble()).isEqualTo(2.0);
    assertThat(turnaround.path("overall").path("p90Days").asDouble()).isEqualTo(5.0);
    JsonNode remote = entry(turnaround.path("byResolution"), "resolution", "RESOLVED_REMOTELY");
    assertThat(remote.path("count").asLong()).isEqualTo(3);
    assertThat(remote.path("medianDays").asDouble()).isEqualTo(2.0);
    assertThat(remote.path("p90Days").asDouble()).isEqualTo(4.0);
    JsonNode refused = entry(turnaround.path("byResolution"), "resolution", "REFUSED");
    assertThat(refused.path("count").asLong()).isEqualTo(1);
    assertThat(refused.path("medianDays").asDouble()).isEqualTo(5.0);
    JsonNode weeks = turnaround.path("byWeek");
    assertThat(weeks.findValuesAsText("weekStart")).containsExactly("2035-03-26", "2035-04-02");
    assertThat(weeks.get(0).path("count").asLong()).isZero();
    assertThat(weeks.get(0).path("medianDays").isNull()).isTrue();
    assertThat(weeks.get(1).path("count").asLong()).isEqualTo(4);
    JsonNode triage = entry(turnaround.path("byTask"), "task", UserTask.REMOTE_DIAGNOSIS.id());
    assertThat(triage.path("count").asLong()).isEqualTo(4);
    assertThat(triage.path("medianHours").asDouble()).isEqualTo(48.0);
    assertThat(triage.path("p90Hours").asDouble()).isEqualTo(120.0);
    JsonNode history = api.get("admin",
        "/engine-rest/history/task?processInstanceBusinessKey={rma}&taskDefinitionKey={task}&finished=true",
        cases.get(3), UserTask.REMOTE_DIAGNOSIS.id()).getBody();
    assertThat(history.get(0).path("duration").asLong()).isEqualTo(Duration.ofDays(5).toMillis());
  }

  @Test
  void contractsAreCountedByWhereTheyStandWithTheLateFeesOfThoseOverdue() {
    driver.setClock(MONDAY.toInstant());
    JsonNode before = insight("owner", 1).path("contracts");

    register("2035-03-05", "2036-03-04", null);
    // February fell due on the 5th and is 28 days late on March 5: 113.00 x 0.0005 x 28 = 1.582.
    register("2035-01-01", "2035-12-31", "2035-01-31");
    // Paid to its end on March 31, within 30 days.
    register("2034-04-01", "2035-03-31", "2035-03-31");
    JsonNode after = insight("owner", 1).path("contracts");

    assertThat(after.path("active").asLong() - before.path("active").asLong()).isEqualTo(2);
    assertThat(after.path("awaitingPaymentOrAudit").asLong() - before.path("awaitingPaymentOrAudit").asLong()).isOne();
    assertThat(after.path("overdue").asLong() - before.path("overdue").asLong()).isOne();
    assertThat(after.path("endingWithin30Days").asLong() - before.path("endingWithin30Days").asLong()).isOne();
    assertThat(lateFees(after, "CNY").subtract(lateFees(before, "CNY"))).isEqualByComparingTo("1.58");
  }

  private void register(String startsOn, String endsOn, String paidUntil) {
    Map<String, Object> contract = new HashMap<>(Map.of("customer", Map.of("name", "Chen Jie", "email", "it@example.com",
            "locale", "zh", "address", Map.of("city", "Beijing", "country", "CN")),
        "plan", "MAINTENANCE", "units", List.of(Contracts.newUnit()), "startsOn", startsOn, "endsOn", endsOn,
        "billing", "MONTHLY", "fee", Map.of("amount", "100.00", "currency", "CNY")));
    if (paidUntil != null) {
      contract.put("paidUntil", paidUntil);
    }
    ResponseEntity<JsonNode> created = api.post("portal", "/api/contracts", contract);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private static BigDecimal lateFees(JsonNode contracts, String currency) {
    for (JsonNode fee : contracts.path("overdueLateFees")) {
      if (fee.path("currency").asText().equals(currency)) {
        return new BigDecimal(fee.path("amount").asText());
      }
    }
    return BigDecimal.ZERO;
  }

  @Test
  void onlyOwnersManagersAndAdministratorsSeeTheInsight() {
    assertThat(api.get("owner", "/api/insight").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("manager", "/api/insight").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("admin", "/api/insight").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("desk", "/api/insight").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("portal", "/api/insight").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> anonymous = api.get(null, "/api/insight");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(api.get("owner", "/api/insight?weeks=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.get("owner", "/api/insight?weeks=53").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aScriptOfAPageGetsNoPasswordChallengeWhenItsLoginIsGone() {
    ResponseEntity<JsonNode> fromScript = api.getWithHeaders(null, "/api/insight", Map.of("X-Requested-With", "XMLHttpRequest"));

    assertThat(fromScript.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(fromScript.getHeaders().containsKey("WWW-Authenticate")).isFalse();
  }

  // --- driving cases -----------------------------------------------------------------------

  private String sentIn(io.rmaflow.intake.RmaApplication application) {
    String rma = driver.submit(application).getBusinessKey();
    driver.complete(rma, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    return rma;
  }

  private String diagnosed(io.rmaflow.intake.RmaApplication application, boolean proofValid) {
    String rma = sentIn(application);
    shipIn.reportArrival(rma, "SF-IN-" + rma);
    driver.runAsyncSteps(rma);
    driver.complete(rma, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    Map<String, Object> results = new HashMap<>();
    results.put("faultCause", "MANUFACTURING_DEFECT");
    results.put("proofOfPurchaseValid", proofValid);
    results.put("repairMethod", "PART_REPLACEMENT");
    results.put("partsCost", 120);
    results.put("labourCost", 30);
    driver.complete(rma, UserTask.DIAGNOSE_FAULT, results);
    return rma;
  }

  private void closeRemotely(String rma, int afterDays, String outcome) {
    driver.setClock(LATER_MONDAY.plusDays(afterDays).toInstant());
    driver.complete(rma, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", outcome));
  }

  // --- what the rest of the API says ---------------------------------------------------------

  private JsonNode insight(String login, int weeks) {
    ResponseEntity<JsonNode> answer = api.get(login, "/api/insight?weeks={weeks}", weeks);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private JsonNode caseOf(String rma) {
    return api.get("portal", "/api/rmas/{rma}", rma).getBody();
  }

  /** Every case with that status, page by page, each as its full case body. */
  private List<JsonNode> casesIn(String status) {
    List<JsonNode> cases = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = api.get("portal", "/api/rmas?status={status}&size=100&page={page}", status, page).getBody();
      answer.path("items").forEach(summary -> cases.add(caseOf(summary.path("rmaNumber").asText())));
      if ((long) (page + 1) * 100 >= answer.path("totalItems").asLong()) {
        return cases;
      }
    }
  }

  private static void assertWaiting(JsonNode insight, String reason, List<JsonNode> cases, String deadline,
      OffsetDateTime lapsingBefore) {
    JsonNode wait = entry(insight.path("waitingOnCustomers").path("reasons"), "reason", reason);
    List<OffsetDateTime> deadlines = cases.stream().map(c -> c.path("deadlines").path(deadline))
        .filter(node -> !node.isNull()).map(node -> OffsetDateTime.parse(node.asText())).toList();
    assertThat(wait.path("count").asLong()).as(reason).isEqualTo(cases.size());
    assertThat(wait.path("lapsingWithin2Days").asLong()).as(reason + " lapsing")
        .isEqualTo(deadlines.stream().filter(d -> d.isBefore(lapsingBefore)).count());
    OffsetDateTime next = deadlines.stream().min(OffsetDateTime::compareTo).orElse(null);
    if (next == null) {
      assertThat(wait.path("nextDeadline").isNull()).as(reason + " next deadline").isTrue();
    } else {
      assertThat(OffsetDateTime.parse(wait.path("nextDeadline").asText()).toInstant()).as(reason + " next deadline")
          .isEqualTo(next.toInstant());
    }
  }

  private double metric(String level) {
    JsonNode metric = api.get("owner", "/api/actuator/metrics/rma.sla.breaches?tag=level:{level}", level).getBody();
    return metric.path("measurements").get(0).path("value").asDouble();
  }

  private List<String> timelineEvents(String rma) {
    return caseOf(rma).path("timeline").findValuesAsText("event");
  }

  /** Days from the case's creation to its CLOSED entry in the timeline. */
  private double daysFromSubmissionToClosing(String rma) {
    JsonNode body = caseOf(rma);
    OffsetDateTime created = OffsetDateTime.parse(body.path("createdAt").asText());
    for (JsonNode entry : body.path("timeline")) {
      if (entry.path("event").asText().equals("STATUS_CHANGED") && entry.path("detail").asText().startsWith("CLOSED")) {
        return Duration.between(created, OffsetDateTime.parse(entry.path("time").asText())).toHours() / 24.0;
      }
    }
    throw new AssertionError(rma + " has no closing in its timeline");
  }

  private static long countOf(JsonNode entries, String key, String value) {
    return entry(entries, key, value).path("count").asLong();
  }

  private static JsonNode entry(JsonNode entries, String key, String value) {
    for (JsonNode entry : entries) {
      if (entry.path(key).asText().equals(value)) {
        return entry;
      }
    }
    throw new AssertionError(key + "=" + value + " not in " + entries);
  }
}
