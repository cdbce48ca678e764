package io.rmaflow.api;

import static io.rmaflow.api.RmaApiTest.assertProblem;
import static io.rmaflow.api.RmaApiTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.contract.Contracts;
import io.rmaflow.process.LifecycleDriver;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service contract calls over HTTP, their successes and their refusals, on a fixed day:
 * Monday 2027-01-11 in the centre's zone, so every amount below can be worked out by hand
 * (fees net, 13 % tax, 0.05 % late fee per calendar day).
 */
@RmaSpringBootTest
class ContractApiTest {

  static final String ERP = "portal";
  static final OffsetDateTime NOW = OffsetDateTime.parse("2027-01-11T10:00:00+08:00");

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void fixClock() {
    api = new ApiClient(http);
    driver.setClock(NOW.toInstant());
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  // --- POST /api/contracts ----------------------------------------------------------------

  @Test
  void aRegistrationAnswersCreatedWithTheContractNumberItsLocationAndTheFirstAmountDue() {
    ResponseEntity<JsonNode> answer = api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode contract = answer.getBody();
    String number = contract.path("contractNumber").asText();
    assertThat(number).matches("SC-2027-\\d{6}");
    assertThat(answer.getHeaders().getLocation()).hasToString("/api/contracts/" + number);
    assertThat(contract.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(contract.path("serviceLevels").path("responseWorkingHours").asInt()).isEqualTo(2);
    assertThat(contract.path("serviceLevels").path("resolutionWorkingHours").path("HIGH").asInt()).isEqualTo(4);
    // January 11-31 is 21 of 31 days: 67.74 net, 8.81 tax, due at once; then eleven whole months.
    JsonNode balance = contract.path("balance");
    assertThat(balance.path("due").asText()).isEqualTo("76.55");
    assertThat(balance.path("currency").asText()).isEqualTo("CNY");
    assertThat(balance.path("periods")).hasSize(12);
    assertThat(balance.path("periods").get(0).path("dueOn").asText()).isEqualTo("2027-01-11");
    assertThat(balance.path("periods").get(1).path("amount").asText()).isEqualTo("113.00");
    assertThat(balance.path("periods").get(1).path("dueOn").asText()).isEqualTo("2027-02-05");
    assertThat(contract.path("timeline").findValuesAsText("event")).contains("REGISTERED", "STATUS_CHANGED");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractProcess.KEY)
        .processInstanceBusinessKey(number).count()).isOne();
    assertThat(api.get(ERP, answer.getHeaders().getLocation().toString()).getBody()).isEqualTo(contract);
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheSameContractAndAnotherBodyIsRefused() {
    Map<String, Object> registration = registration("2027-01-11", "2027-12-31");
    Map<String, String> key = Map.of("Idempotency-Key", "erp-contract-" + Contracts.newUnit());

    ResponseEntity<JsonNode> first = api.postWithHeaders(ERP, "/api/contracts", registration, key);
    ResponseEntity<JsonNode> again = api.postWithHeaders(ERP, "/api/contracts", registration, key);
    ResponseEntity<JsonNode> other = api.postWithHeaders(ERP, "/api/contracts", registration("2027-01-11", "2027-06-30"), key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("contractNumber")).isEqualTo(first.getBody().path("contractNumber"));
    assertProblem(other, HttpStatus.CONFLICT, "idempotency-key-reused");
  }

  @Test
  void invalidFieldsAreEachNamedAndNothingIsLeftBehind() {
    Map<String, Object> registration = registration("2027-01-11", "2027-12-31");
    registration.put("customer", Map.of("name", "", "email", "not-an-email", "locale", "fr",
        "address", Map.of("city", "Beijing", "country", "China")));
    registration.remove("plan");
    registration.put("fee", Map.of("amount", "0.00", "currency", "yuan"));
    registration.put("serviceLevels", Map.of("responseWorkingHours", 0, "availabilityTarget", 101));

    assertNothingLeftBehind(() -> {
      ResponseEntity<JsonNode> answer = api.post(ERP, "/api/contracts", registration);
      assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-request");
      assertThat(fields(answer)).containsExactlyInAnyOrder("customer.name", "customer.email", "customer.locale",
          "customer.address.country", "plan", "fee.amount", "fee.currency", "serviceLevels.responseWorkingHours",
          "serviceLevels.availabilityTarget");
    });
  }

  @Test
  void fieldsThatContradictEachOtherAreRefusedNamingTheOneToMend() {
    assertNothingLeftBehind(() -> {
      assertThat(fields(api.post(ERP, "/api/contracts", registration("2027-03-01", "2027-02-28")))).containsExactly("endsOn");
      assertThat(fields(api.post(ERP, "/api/contracts", registration("2025-01-01", "2026-12-31")))).containsExactly("endsOn");
      assertThat(fields(api.post(ERP, "/api/contracts", registration("2027-01-11", "2038-01-11")))).containsExactly("endsOn");

      Map<String, Object> support = registration("2027-01-11", "2027-12-31");
      support.put("plan", "SUPPORT");
      assertThat(fields(api.post(ERP, "/api/contracts", support))).containsExactly("system");

      Map<String, Object> paidMidMonth = registration("2026-12-01", "2027-11-30");
      paidMidMonth.put("paidUntil", "2026-12-15");
      ResponseEntity<JsonNode> answer = api.post(ERP, "/api/contracts", paidMidMonth);
      assertThat(fields(answer)).containsExactly("paidUntil");
      assertThat(answer.getBody().path("errors").get(0).path("message").asText()).contains("2026-12-31");

      ResponseEntity<JsonNode> unknownBilling = api.post(ERP, "/api/contracts",
          with(registration("2027-01-11", "2027-12-31"), "billing", "WEEKLY"));
      assertProblem(unknownBilling, HttpStatus.BAD_REQUEST, "invalid-request");
      assertThat(fields(unknownBilling)).containsExactly("billing");
    });
  }

  @Test
  void aUnitCoveredByAnotherOpenContractOnSomeOfTheDaysIsRefusedAndTheFollowingTermIsNot() {
    String unit = Contracts.newUnit();
    api.post(ERP, "/api/contracts", registration(unit, "2027-01-11", "2027-06-30"));

    assertNothingLeftBehind(() -> {
      ResponseEntity<JsonNode> overlapping = api.post(ERP, "/api/contracts", registration(unit, "2027-06-30", "2027-12-31"));
      assertProblem(overlapping, HttpStatus.CONFLICT, "unit-already-covered");
      assertThat(overlapping.getBody().path("detail").asText()).contains(unit);
    });
    assertThat(api.post(ERP, "/api/contracts", registration(unit, "2027-07-01", "2027-12-31")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void twoRegistrationsOfANewUnitAtTheSameMomentRegisterOneContractAndRefuseTheOther() throws Exception {
    String unit = Contracts.newUnit();
    CountDownLatch start = new CountDownLatch(1);
    Callable<HttpStatusCode> register = () -> {
      start.await();
      return api.post(ERP, "/api/contracts", registration(unit, "2027-01-11", "2027-06-30")).getStatusCode();
    };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<HttpStatusCode> first = threads.submit(register);
      Future<HttpStatusCode> second = threads.submit(register);
      start.countDown();
      assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
    } finally {
      threads.shutdownNow();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM contract_unit WHERE serial_number = ?").param(unit).query(Long.class).single())
        .isOne();
  }

  // --- GET --------------------------------------------------------------------------------

  @Test
  void anUnknownContractNumberIsNotFound() {
    String unknown = "SC-1999-000000";
    assertProblem(api.get(ERP, "/api/contracts/{n}", unknown), HttpStatus.NOT_FOUND, "unknown-contract");
    assertProblem(api.post(ERP, "/api/contracts/{n}/payments", payment("P", "1.00"), unknown), HttpStatus.NOT_FOUND,
        "unknown-contract");
    assertProblem(api.post(ERP, "/api/contracts/{n}/renewal", Map.of("renew", true), unknown), HttpStatus.NOT_FOUND,
        "unknown-contract");
    assertProblem(api.post(ERP, "/api/contracts/{n}/extension", Map.of("reason", "r", "until", "2028-01-31"), unknown),
        HttpStatus.NOT_FOUND, "unknown-contract");
  }

  @Test
  void searchFiltersBySerialNumberEmailAndStatusAndPages() {
    String unit = Contracts.newUnit();
    String email = "it-" + unit.toLowerCase() + "@example.com";
    Map<String, Object> awaiting = registration(unit, "2027-01-11", "2027-06-30");
    awaiting.put("customer", customer(email));
    String awaitingNumber = number(api.post(ERP, "/api/contracts", awaiting));
    Map<String, Object> movedOver = registration(Contracts.newUnit(), "2026-07-01", "2027-01-31");
    movedOver.put("customer", customer(email));
    movedOver.put("paidUntil", "2026-12-31");
    String activeNumber = number(api.post(ERP, "/api/contracts", movedOver));

    assertThat(numbers(api.get(ERP, "/api/contracts?serialNumber={s}", unit))).containsExactly(awaitingNumber);
    assertThat(numbers(api.get(ERP, "/api/contracts?email={e}", email))).containsExactlyInAnyOrder(awaitingNumber, activeNumber);
    assertThat(numbers(api.get(ERP, "/api/contracts?email={e}&status=ACTIVE", email))).containsExactly(activeNumber);
    JsonNode firstPage = api.get(ERP, "/api/contracts?email={e}&size=1", email).getBody();
    assertThat(firstPage.path("items")).hasSize(1);
    assertThat(firstPage.path("totalItems").asLong()).isEqualTo(2);
    assertProblem(api.get(ERP, "/api/contracts?size=0"), HttpStatus.BAD_REQUEST, "invalid-request");
    assertProblem(api.get(ERP, "/api/contracts?status=OPEN"), HttpStatus.BAD_REQUEST, "invalid-request");
  }

  // --- payments ---------------------------------------------------------------------------

  @Test
  void aPaymentMustCarryTheBalanceDueInTheContractsCurrencyAndCountsOncePerReference() {
    String number = number(api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31")));

    ResponseEntity<JsonNode> wrongAmount = api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-A", "67.74"), number);
    assertProblem(wrongAmount, HttpStatus.UNPROCESSABLE_ENTITY, "payment-mismatch");
    assertThat(wrongAmount.getBody().path("detail").asText()).contains("76.55");
    Map<String, Object> inDollars = payment("PAY-A", "76.55");
    inDollars.put("currency", "USD");
    assertProblem(api.post(ERP, "/api/contracts/{n}/payments", inDollars, number), HttpStatus.UNPROCESSABLE_ENTITY,
        "payment-mismatch");
    assertThat(payments(number)).isZero();

    ResponseEntity<JsonNode> paid = api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-A", "76.55"), number);
    ResponseEntity<JsonNode> again = api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-A", "76.55"), number);

    assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(paid.getBody().path("status").asText()).isEqualTo("IN_AUDIT");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(payments(number)).isOne();
    driver.runAsyncSteps(number);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ContractProcess.UserTask.AUDIT_CONTRACT_PAYMENT.id()).count()).isOne();
    ResponseEntity<JsonNode> nothingDue = api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-B", "76.55"), number);
    assertProblem(nothingDue, HttpStatus.CONFLICT, "event-not-awaited");
    assertThat(nothingDue.getBody().path("detail").asText()).contains("audited");
  }

  @Test
  void aPaymentReferenceOfAnotherContractIsRefused() {
    String first = number(api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31")));
    String second = number(api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31")));
    String reference = "PAY-" + first;
    api.post(ERP, "/api/contracts/{n}/payments", payment(reference, "76.55"), first);

    ResponseEntity<JsonNode> answer = api.post(ERP, "/api/contracts/{n}/payments", payment(reference, "76.55"), second);

    assertProblem(answer, HttpStatus.UNPROCESSABLE_ENTITY, "payment-mismatch");
    assertThat(payments(second)).isZero();
  }

  @Test
  void aContractMovedOverServesAtOnceAndOwesItsLaterPeriodsWithTheirLateFees() {
    Map<String, Object> movedOver = registration("2026-12-01", "2027-11-30");
    movedOver.put("paidUntil", "2026-12-31");

    JsonNode contract = api.post(ERP, "/api/contracts", movedOver).getBody();

    assertThat(contract.path("status").asText()).isEqualTo("ACTIVE");
    JsonNode balance = contract.path("balance");
    assertThat(balance.path("paidThrough").asText()).isEqualTo("2026-12-31");
    assertThat(balance.path("periods").get(0).path("paidBeforeRegistration").asBoolean()).isTrue();
    // January fell due on the 5th; six days late on the 11th: 113.00 x 0.0005 x 6 = 0.339.
    assertThat(balance.path("periods").get(1).path("lateFee").asText()).isEqualTo("0.34");
    assertThat(balance.path("overdueLateFees").asText()).isEqualTo("0.34");
    assertThat(balance.path("due").asText()).isEqualTo("113.34");
    String number = contract.path("contractNumber").asText();
    assertProblem(api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-M1", "113.00"), number),
        HttpStatus.UNPROCESSABLE_ENTITY, "payment-mismatch");

    ResponseEntity<JsonNode> paid = api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-M1", "113.34"), number);

    assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(paid.getBody().path("status").asText()).isEqualTo("ACTIVE");
    JsonNode after = api.get(ERP, "/api/contracts/{n}", number).getBody().path("balance");
    assertThat(after.path("due").asText()).isEqualTo("0.00");
    assertThat(after.path("periods").get(1).path("lateFee").asText()).isEqualTo("0.34");
    assertThat(after.path("periods").get(1).path("paidAt").asText()).isNotBlank();
  }

  // --- renewal and extension --------------------------------------------------------------

  @Test
  void onlyAnActiveContractIsRenewedOrEndedAndOnlyOnce() {
    String awaiting = number(api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31")));
    assertProblem(api.post(ERP, "/api/contracts/{n}/renewal", Map.of("renew", true), awaiting), HttpStatus.CONFLICT,
        "event-not-awaited");
    String active = movedOver();

    ResponseEntity<JsonNode> renewed = api.post(ERP, "/api/contracts/{n}/renewal", Map.of("renew", true), active);

    assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    JsonNode contract = api.get(ERP, "/api/contracts/{n}", active).getBody();
    assertThat(contract.path("renewal").asText()).isEqualTo("REQUESTED");
    // The next term's first month, December 2027, is to be paid by the end of this term.
    JsonNode last = contract.path("balance").path("periods").get(contract.path("balance").path("periods").size() - 1);
    assertThat(last.path("from").asText()).isEqualTo("2027-12-01");
    assertThat(last.path("dueOn").asText()).isEqualTo("2027-11-30");
    ResponseEntity<JsonNode> again = api.post(ERP, "/api/contracts/{n}/renewal", Map.of("renew", false), active);
    assertProblem(again, HttpStatus.CONFLICT, "event-not-awaited");
    assertThat(again.getBody().path("detail").asText()).contains("already decided");
    assertProblem(api.post(ERP, "/api/contracts/{n}/renewal", Map.of(), active), HttpStatus.BAD_REQUEST, "invalid-request");
  }

  @Test
  void anExtensionOfAnActiveContractGoesToTheServiceManagersOnceAtATime() {
    String awaiting = number(api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31")));
    Map<String, Object> request = Map.of("reason", "Budget approved in January", "until", "2028-01-31");
    assertProblem(api.post(ERP, "/api/contracts/{n}/extension", request, awaiting), HttpStatus.CONFLICT, "event-not-awaited");
    String active = movedOver();
    assertThat(fields(api.post(ERP, "/api/contracts/{n}/extension", Map.of("reason", "r", "until", "2027-11-30"), active)))
        .containsExactly("until");
    assertThat(fields(api.post(ERP, "/api/contracts/{n}/extension", Map.of("reason", "r", "until", "2028-12-01"), active)))
        .containsExactly("until");
    assertThat(fields(api.post(ERP, "/api/contracts/{n}/extension", Map.of("until", "2028-01-31"), active)))
        .containsExactly("reason");

    assertThat(api.post(ERP, "/api/contracts/{n}/extension", request, active).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(active)
        .taskDefinitionKey(ContractProcess.UserTask.REVIEW_EXTENSION.id()).taskCandidateGroup("service-managers").count())
        .isOne();
    assertProblem(api.post(ERP, "/api/contracts/{n}/extension", request, active), HttpStatus.CONFLICT, "event-not-awaited");
    assertThat(api.get(ERP, "/api/contracts/{n}", active).getBody().path("extension").path("until").asText())
        .isEqualTo("2028-01-31");
  }

  // --- outages and reports ------------------------------------------------------------------

  @Test
  void outagesAreReportedAndEndedForSupportContractsOnly() {
    String support = supportMovedOver();
    ResponseEntity<JsonNode> ended = api.post(ERP, "/api/contracts/{n}/outages", Map.of(
        "startedAt", "2027-01-03T14:20:00+08:00", "endedAt", "2027-01-03T15:05:00+08:00", "description", "Failover"), support);
    assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(ended.getHeaders().getLocation()).hasToString("/api/contracts/" + support + "/outages/"
        + ended.getBody().path("id").asLong());

    ResponseEntity<JsonNode> open = api.post(ERP, "/api/contracts/{n}/outages",
        Map.of("startedAt", "2027-01-11T08:00:00+08:00", "description", "Order desk unreachable"), support);
    long id = open.getBody().path("id").asLong();
    assertThat(open.getBody().path("endedAt").isNull()).isTrue();
    ResponseEntity<JsonNode> end = api.post(ERP, "/api/contracts/{n}/outages/{id}/end", null, support, id);

    assertThat(end.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(OffsetDateTime.parse(end.getBody().path("endedAt").asText())).isEqualTo(NOW);
    assertProblem(api.post(ERP, "/api/contracts/{n}/outages/{id}/end", null, support, id), HttpStatus.CONFLICT,
        "event-not-awaited");
    assertProblem(api.post(ERP, "/api/contracts/{n}/outages/{id}/end", null, support, 999_999), HttpStatus.NOT_FOUND,
        "unknown-outage");
    assertThat(fields(api.post(ERP, "/api/contracts/{n}/outages",
        Map.of("startedAt", "2027-01-12T08:00:00+08:00", "description", "Tomorrow"), support))).containsExactly("startedAt");
    assertThat(fields(api.post(ERP, "/api/contracts/{n}/outages", Map.of("startedAt", "2027-01-10T08:00:00+08:00",
        "endedAt", "2027-01-10T07:00:00+08:00", "description", "Backwards"), support))).containsExactly("endedAt");
    assertThat(fields(api.post(ERP, "/api/contracts/{n}/outages", Map.of("description", "When?"), support)))
        .containsExactly("startedAt");
    String maintenance = movedOver();
    assertProblem(api.post(ERP, "/api/contracts/{n}/outages",
        Map.of("startedAt", "2027-01-10T08:00:00+08:00", "description", "Not a system"), maintenance),
        HttpStatus.CONFLICT, "event-not-awaited");
  }

  @Test
  void anAdministratorMakesAPastMonthsReportAgainAndEveryoneWithAccessReadsIt() {
    String support = supportMovedOver();
    assertProblem(api.get(ERP, "/api/contracts/{n}/reports/2026-12", support), HttpStatus.NOT_FOUND, "unknown-report");
    assertProblem(api.post(ERP, "/api/contracts/{n}/reports/2026-12", null, support), HttpStatus.FORBIDDEN, "forbidden");

    ResponseEntity<JsonNode> made = api.post("admin", "/api/contracts/{n}/reports/2026-12", null, support);

    assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(made.getBody().path("month").asText()).isEqualTo("2026-12");
    assertThat(made.getBody().path("availability").path("actual").decimalValue()).isEqualByComparingTo("100.000");
    assertThat(api.get(ERP, "/api/contracts/{n}/reports/2026-12", support).getBody()).isEqualTo(made.getBody());
    assertThat(api.get("manager", "/api/contracts/{n}/reports/2026-12", support).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertProblem(api.post("admin", "/api/contracts/{n}/reports/2027-01", null, support), HttpStatus.NOT_FOUND,
        "unknown-report");
    assertProblem(api.post("admin", "/api/contracts/{n}/reports/2026-11", null, support), HttpStatus.NOT_FOUND,
        "unknown-report");
    assertProblem(api.get(ERP, "/api/contracts/{n}/reports/December", support), HttpStatus.BAD_REQUEST, "invalid-request");
  }

  // --- security and description -----------------------------------------------------------

  @Test
  void everyCallNeedsCredentialsOnlyApiClientsChangeContractsAndStaffMayRead() {
    String number = number(api.post(ERP, "/api/contracts", registration("2027-01-11", "2027-12-31")));

    assertProblem(api.get(null, "/api/contracts/{n}", number), HttpStatus.UNAUTHORIZED, "unauthorized");
    assertProblem(api.post(null, "/api/contracts", registration("2027-01-11", "2027-12-31")), HttpStatus.UNAUTHORIZED,
        "unauthorized");
    assertProblem(api.post("finance", "/api/contracts", registration("2027-01-11", "2027-12-31")), HttpStatus.FORBIDDEN,
        "forbidden");
    assertProblem(api.post("manager", "/api/contracts/{n}/extension", Map.of("reason", "r", "until", "2028-01-31"), number),
        HttpStatus.FORBIDDEN, "forbidden");
    assertProblem(api.post("desk", "/api/contracts/{n}/payments", payment("PAY-X", "76.55"), number), HttpStatus.FORBIDDEN,
        "forbidden");
    assertThat(api.get("finance", "/api/contracts/{n}", number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("manager", "/api/contracts?status=AWAITING_PAYMENT").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theContractCallsAreDescribedByOpenApiWithExamples() {
    JsonNode paths = api.get(null, "/v3/api-docs").getBody().path("paths");

    assertThat(paths.fieldNames()).toIterable().contains("/api/contracts", "/api/contracts/{contractNumber}",
        "/api/contracts/{contractNumber}/payments", "/api/contracts/{contractNumber}/renewal",
        "/api/contracts/{contractNumber}/extension");
    assertThat(paths.path("/api/contracts").path("post").path("requestBody").toString()).contains("Chen Jie", "MONTHLY");
    assertThat(paths.path("/api/contracts/{contractNumber}/payments").path("post").path("responses").fieldNames())
        .toIterable().contains("202", "409", "422");
    assertThat(paths.path("/api/contracts").path("get").path("parameters").findValuesAsText("name"))
        .contains("status", "serialNumber", "email", "page", "size");
  }

  // --- helpers ----------------------------------------------------------------------------

  /** A monthly maintenance contract at 100.00 CNY net, covering a unit of its own. */
  private static Map<String, Object> registration(String startsOn, String endsOn) {
    return registration(Contracts.newUnit(), startsOn, endsOn);
  }

  private static Map<String, Object> registration(String unit, String startsOn, String endsOn) {
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("customer", customer("it@example.com"));
    registration.put("plan", "MAINTENANCE");
    registration.put("units", List.of(unit));
    registration.put("system", null);
    registration.put("startsOn", startsOn);
    registration.put("endsOn", endsOn);
    registration.put("billing", "MONTHLY");
    registration.put("fee", Map.of("amount", "100.00", "currency", "CNY"));
    registration.put("serviceLevels", Map.of("responseWorkingHours", 2,
        "resolutionWorkingHours", Map.of("HIGH", 4, "MEDIUM", 16, "LOW", 32), "availabilityTarget", 99.5));
    registration.put("paidUntil", null);
    return registration;
  }

  private static Map<String, Object> customer(String email) {
    return Map.of("name", "Chen Jie", "email", email, "locale", "zh", "address", Map.of("city", "Beijing", "country", "CN"));
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    body.put(field, value);
    return body;
  }

  private static Map<String, Object> payment(String reference, String amount) {
    Map<String, Object> payment = new HashMap<>();
    payment.put("reference", reference);
    payment.put("amount", amount);
    payment.put("currency", "CNY");
    return payment;
  }

  /** An active contract moved over with December 2026 paid, January's 113.34 then paid here, its steps run. */
  private String movedOver() {
    Map<String, Object> registration = registration("2026-12-01", "2027-11-30");
    registration.put("paidUntil", "2026-12-31");
    String number = number(api.post(ERP, "/api/contracts", registration));
    driver.runAsyncSteps(number);
    assertThat(api.post(ERP, "/api/contracts/{n}/payments", payment("PAY-" + number, "113.34"), number).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsyncSteps(number);
    return number;
  }

  /** A support contract moved over with December 2026 paid, in service since the 1st of that month. */
  private String supportMovedOver() {
    Map<String, Object> registration = registration("2026-12-01", "2027-11-30");
    registration.put("plan", "SUPPORT");
    registration.put("system", "Order desk");
    registration.put("units", List.of());
    registration.put("paidUntil", "2026-12-31");
    return number(api.post(ERP, "/api/contracts", registration));
  }

  private static String number(ResponseEntity<JsonNode> created) {
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().path("contractNumber").asText();
  }

  private static List<String> numbers(ResponseEntity<JsonNode> page) {
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return page.getBody().path("items").findValuesAsText("contractNumber");
  }

  private long payments(String number) {
    return jdbc.sql("SELECT COUNT(*) FROM contract_payment WHERE contract_number = ?").param(number).query(Long.class).single();
  }

  private void assertNothingLeftBehind(Runnable calls) {
    long contracts = jdbc.sql("SELECT COUNT(*) FROM service_contract").query(Long.class).single();
    long instances = runtimeService.createProcessInstanceQuery().count();
    calls.run();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM service_contract").query(Long.class).single()).isEqualTo(contracts);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }
}
