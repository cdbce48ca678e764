package io.rmaflow.security;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.api.ApiClient;
import io.rmaflow.api.TestCases;
import io.rmaflow.api.WebappBrowser;
import io.rmaflow.demo.DemoSetup;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.product.ProductRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * Each way in that was found open, tried again as an attacker with the demo logins: a process
 * owner changing cases, anyone locking any login, staff ending a case's process, completing a
 * task with what its form does not have, claiming for others, changing jobs of no process,
 * customer text as markup, server errors and lenient answers to bad input, and the smaller leaks.
 * Each test fails if its way in comes back.
 */
@RmaSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class LeastPrivilegeAttackTest {

  static final String ENGINE = "/engine-rest";

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProductRegistry products;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired IdentityService identityService;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired ApiKeys apiKeys;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(http);
  }

  // --- 1. Process owners read and retry; they do not change cases ----------------------------

  @Test
  void aProcessOwnerCannotPayMoveSkipRunEarlyRewriteOrSuspendACase() {
    String rma = TestCases.quoted(api, driver);
    String instance = driver.processInstanceId(rma);
    Job deadline = driver.timer(rma, Elements.PAYMENT_DEADLINE_TIMER);

    assertThat(engine("owner", HttpMethod.POST, "/message", Map.of("messageName", Messages.PAYMENT_RECEIVED,
        "businessKey", rma, "processVariables", Map.of("paymentAmount", Map.of("value", 0.01, "type", "Double")))))
        .isEqualTo(403);
    assertThat(engine("owner", HttpMethod.POST, "/process-instance/" + instance + "/modification", Map.of(
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", SHIP_DEVICE.id())))))
        .isEqualTo(403);
    assertThat(engine("owner", HttpMethod.POST, "/job/" + deadline.getId() + "/execute", null)).isEqualTo(403);
    assertThat(engine("owner", HttpMethod.PUT, "/process-instance/" + instance + "/variables/priority",
        Map.of("value", "LOW", "type", "String"))).isEqualTo(403);
    assertThat(engine("owner", HttpMethod.DELETE, "/process-instance/" + instance + "/variables/priority", null))
        .isEqualTo(403);
    assertThat(engine("owner", HttpMethod.PUT, "/process-instance/" + instance + "/suspended",
        Map.of("suspended", true))).isEqualTo(403);

    assertThat(caseStatus(rma)).isEqualTo("AWAITING_PAYMENT");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
    assertThat(runtimeService.getVariable(instance, "priority")).hasToString("MEDIUM");
    assertThat(managementService.createJobQuery().jobId(deadline.getId()).count()).isOne();
    // What they may: read every case and its history, and retry a job.
    assertThat(http.withBasicAuth("owner", "owner").getForObject(ENGINE + "/process-instance?businessKey={rma}",
        JsonNode.class, rma)).hasSize(1);
    assertThat(engine("owner", HttpMethod.PUT, "/job/" + deadline.getId() + "/retries", Map.of("retries", 3)))
        .isEqualTo(204);
    // Changing a case is the administrators'.
    assertThat(engine("admin", HttpMethod.PUT, "/process-instance/" + instance + "/variables/note",
        Map.of("value", "checked", "type", "String"))).isEqualTo(204);
  }

  // --- 2. Nobody can lock a machine client out ------------------------------------------------

  @Test
  void wrongPasswordsForAGatewaysLoginLeaveItsApiKeyWorkingAndLockNoLoginForGood() {
    // A gateway of its own: the guesses delay its password logins for up to a minute, which other tests must not meet.
    String gateway = "guessedgateway";
    TestCases.machineClient(identityService, gateway);
    String key = apiKeys.issue(gateway, "Guessed gateway").value();
    for (int i = 0; i < 12; i++) {
      assertThat(http.withBasicAuth(gateway, "guess-" + i).getForEntity("/api/rmas", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    assertThat(withKey(key).exchange("/api/rmas?size=1", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withKey(key).exchange(ENGINE + "/task/count", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withKey(DemoSetup.DEMO_API_KEY).exchange("/api/rmas?size=1", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withKey("rma_not-a-key").exchange("/api/rmas", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // The engine's delay after failures grows to a minute and stays there; it never turns into a permanent lock.
    assertThat(engineConfiguration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(engineConfiguration.getLoginDelayMaxTime()).isEqualTo(60);
  }

  // --- 3. A case's process ends only through its model ----------------------------------------

  @Test
  void staffCannotEndACasesProcessWithAnUndeclaredErrorOrEscalation() {
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    String task = driver.task(rma, REMOTE_DIAGNOSIS).getId();

    ResponseEntity<JsonNode> error = engineCall("desk", HttpMethod.POST, "/task/" + task + "/bpmnError",
        Map.of("errorCode", "NO_SUCH_ERROR"));
    ResponseEntity<JsonNode> escalation = engineCall("desk", HttpMethod.POST, "/task/" + task + "/bpmnEscalation",
        Map.of("escalationCode", "NO_SUCH_ESCALATION"));

    assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(error.getBody().path("message").asText()).contains("declares no error 'NO_SUCH_ERROR'");
    assertThat(escalation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(driver.task(rma, REMOTE_DIAGNOSIS).getId()).isEqualTo(task);
    assertThat(caseStatus(rma)).isEqualTo("IN_REMOTE_DIAGNOSIS");
    // Also from the application's own code: an error nothing catches fails instead of ending the process.
    assertThat(engineConfiguration.isEnableExceptionsAfterUnhandledBpmnError()).isTrue();
  }

  // --- 4. A task takes its form's fields only ---------------------------------------------------

  @Test
  void aTaskIsCompletedOnlyWithItsFormsFieldsThroughEitherCall() {
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    String task = driver.task(rma, REMOTE_DIAGNOSIS).getId();
    var foreign = Map.of("variables", Map.of("remoteOutcome", Map.of("value", "SEND_IN"),
        "customerName", Map.of("value", "Mallory"), "priority", Map.of("value", "HIGH")));

    ResponseEntity<JsonNode> completed = engineCall("desk", HttpMethod.POST, "/task/" + task + "/complete", foreign);
    ResponseEntity<JsonNode> submitted = engineCall("desk", HttpMethod.POST, "/task/" + task + "/submit-form", foreign);

    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(completed.getBody().path("message").asText()).contains("no field customerName, priority");
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(runtimeService.getVariable(driver.processInstanceId(rma), "customerName")).isEqualTo("Li Wei");
    assertThat(driver.task(rma, REMOTE_DIAGNOSIS).getId()).isEqualTo(task);

    assertThat(engine("desk", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", Map.of("remoteOutcome", Map.of("value", "SEND_IN"))))).isEqualTo(204);
  }

  // --- 5. Claimed only for oneself; a manager assigns ------------------------------------------

  @Test
  void aTaskIsClaimedOnlyForOneselfAndAServiceManagerAssignsIt() {
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    String task = driver.task(rma, REMOTE_DIAGNOSIS).getId();

    assertThat(engine("desk", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "tech"))).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(engine("manager", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "desk")))
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("desk");
    assertThat(engine("desk", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "tech"))).isEqualTo(403);
    // A manager gives work to its group, not to themselves: no assignee, owner, delegate or candidate of their own.
    assertThat(engine("manager", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "manager")))
        .isEqualTo(403);
    assertThat(engine("manager", HttpMethod.POST, "/task/" + task + "/delegate", Map.of("userId", "manager")))
        .isEqualTo(403);
    assertThat(engine("manager", HttpMethod.POST, "/task/" + task + "/identity-links",
        Map.of("groupId", "service-managers", "type", "candidate"))).isEqualTo(403);
    assertThat(engine("manager", HttpMethod.POST, "/task/" + task + "/identity-links",
        Map.of("userId", "manager", "type", "candidate"))).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("desk");
    assertThat(taskService.getIdentityLinksForTask(task)).noneMatch(link -> "manager".equals(link.getUserId())
        || "service-managers".equals(link.getGroupId()));
  }

  // --- 6. Jobs of no process -------------------------------------------------------------------

  @Test
  void theHistoryCleanupJobIsRetriedByOwnersAndChangedByAdministratorsOnly() {
    Job cleanup = historyService.findHistoryCleanupJobs().get(0);
    String path = "/job/" + cleanup.getId();

    for (String login : List.of("portal", "desk", "manager")) {
      assertThat(engine(login, HttpMethod.PUT, path + "/retries", Map.of("retries", 9))).as(login).isEqualTo(403);
      assertThat(engine(login, HttpMethod.PUT, path + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0000")))
          .as(login).isEqualTo(403);
      assertThat(engine(login, HttpMethod.PUT, path + "/priority", Map.of("priority", 9))).as(login).isEqualTo(403);
    }
    for (String login : List.of("portal", "desk", "owner")) {
      assertThat(engine(login, HttpMethod.PUT, path + "/suspended", Map.of("suspended", true))).as(login).isEqualTo(403);
    }
    assertThat(managementService.createJobQuery().jobId(cleanup.getId()).active().count()).isOne();
    assertThat(engine("owner", HttpMethod.PUT, path + "/priority", Map.of("priority", 9))).isEqualTo(403);
    assertThat(engine("owner", HttpMethod.PUT, path + "/retries", Map.of("retries", cleanup.getRetries())))
        .isEqualTo(204);
    assertThat(engine("admin", HttpMethod.PUT, path + "/priority", Map.of("priority", cleanup.getPriority())))
        .isEqualTo(204);
    Job after = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
    assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
  }

  // --- 7. Customer text is text ------------------------------------------------------------------

  @Test
  void customerTextReachesTaskFormsAsTextNotMarkup() {
    var application = ApiClient.application(Applications.newSerial(), "eve@example.com", "OFFICIAL_STORE",
        TestClock.today().minusMonths(2));
    application.put("customer", Map.of("name", "Eve <b>Bold</b>", "email", "eve@example.com", "locale", "en",
        "address", Map.of("city", "Shanghai<script>", "country", "CN")));
    application.put("fault", Map.of("description", "# big *loud* <img src=x onerror=alert(1)>", "category", "POWER"));
    String rma = api.post("portal", "/api/rmas", application).getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rma);
    String task = driver.task(rma, REMOTE_DIAGNOSIS).getId();

    for (String door : List.of(ENGINE, "/camunda/api/engine/engine/default")) {
      JsonNode form = door.equals(ENGINE)
          ? http.withBasicAuth("desk", "desk").getForObject(door + "/task/{id}/form-variables", JsonNode.class, task)
          : WebappBrowser.loggedIn(http, "desk", "tasklist").get(door + "/task/" + task + "/form-variables").getBody();
      for (Map.Entry<String, String> typed : Map.of("customerCity", "Shanghai<script>", "customerName",
          "Eve <b>Bold</b>", "faultDescription", "# big *loud* <img src=x onerror=alert(1)>").entrySet()) {
        String value = form.path(typed.getKey()).path("value").asText();
        // Outside its character references, nothing a Markdown or HTML parser would read as structure.
        assertThat(value.replaceAll("&#\\d+;", "")).as(door + " " + typed.getKey())
            .doesNotContain("<", ">", "*", "#", "(", "&");
        assertThat(HtmlUtils.htmlUnescape(value)).as("decoded as the renderer does").isEqualTo(typed.getValue());
      }
    }
    // The case file and the API keep what the customer wrote.
    assertThat(api.get("portal", "/api/rmas/{rma}", rma).getBody().path("customer").path("address").path("city")
        .asText()).isEqualTo("Shanghai<script>");
  }

  // --- 8. No server error from client input -----------------------------------------------------

  @Test
  void badInputIsRefusedWithProblemDetailsAndChangesNothing() {
    ResponseEntity<JsonNode> spaced = api.put("portal", "/api/products/SN X",
        Map.of("model", "X200", "category", "DEVICE", "channel", "OFFICIAL_STORE"));
    assertProblem(spaced, HttpStatus.BAD_REQUEST);
    assertThat(products.find("SN X")).isEmpty();

    String application = json(ApiClient.application(Applications.newSerial(), "li.wei@example.com", "OFFICIAL_STORE",
        TestClock.today().minusMonths(2)));
    assertProblem(raw("/api/rmas", application.replace("\"priority\":\"MEDIUM\"",
        "\"priority\":\"LOW\",\"priority\":\"HIGH\",\"priority\":\"MEDIUM\"")), HttpStatus.BAD_REQUEST);
    assertProblem(raw("/api/rmas", application + " trailing"), HttpStatus.BAD_REQUEST);
    assertProblem(raw("/api/rmas", application.replace(TestClock.today().minusMonths(2).toString(), "0000-01-01")),
        HttpStatus.BAD_REQUEST);
    assertProblem(api.get("portal", "/api/rmas?page=2147483647"), HttpStatus.BAD_REQUEST);
    assertProblem(api.get("desk", "/api/contracts?page=2147483647"), HttpStatus.BAD_REQUEST);

    String rma = TestCases.quoted(api, driver);
    assertProblem(raw("/api/rmas/" + rma + "/payments",
        "{\"reference\":\"PAY-HUGE\",\"amount\":1e2147483647,\"currency\":\"CNY\"}"), HttpStatus.BAD_REQUEST);
    assertThat(caseStatus(rma)).isEqualTo("AWAITING_PAYMENT");
  }

  @Test
  void aPaymentReferenceRepeatedWithOtherContentIsAConflictAndTheSamePaymentIsStillOnePayment() {
    String rma = TestCases.quoted(api, driver);
    String gross = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("quote").path("gross").asText();

    assertThat(pay(rma, "PAY-REPLAY-" + rma, gross, "CNY").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(pay(rma, "PAY-REPLAY-" + rma, gross, "CNY").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertProblem(pay(rma, "PAY-REPLAY-" + rma, "0.01", "CNY"), HttpStatus.CONFLICT);
    assertProblem(pay(rma, "PAY-REPLAY-" + rma, gross, "USD"), HttpStatus.CONFLICT);
    assertThat(pay(rma, "PAY-REPLAY-" + rma, gross, "CNY").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(jdbc.sql("SELECT amount, currency FROM payment WHERE reference = ?").param("PAY-REPLAY-" + rma)
        .query((row, n) -> row.getBigDecimal("amount").toPlainString() + " " + row.getString("currency")).list())
        .containsExactly(gross + " CNY");
  }

  @Test
  void concurrentCompletionsOfOneTaskAreOneSuccessAndConflictsNeverAServerError() throws Exception {
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    String task = driver.task(rma, REMOTE_DIAGNOSIS).getId();
    var completion = Map.of("variables", Map.of("remoteOutcome", Map.of("value", "SEND_IN")));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(threads.submit(() -> {
          start.await();
          return engine("desk", HttpMethod.POST, "/task/" + task + "/complete", completion);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).filteredOn(status -> status == 204).hasSize(1);
      assertThat(statuses).allMatch(status -> status == 204 || status == 404 || status == 409, "204, 404 or 409");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theEngineRestApiAnswersBadCallsWithClientErrorsNotServerErrors() {
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    String task = driver.task(rma, REMOTE_DIAGNOSIS).getId();

    assertThat(engine("desk", HttpMethod.GET, "/task?maxResults=-5", null)).isEqualTo(400);
    assertThat(engine("desk", HttpMethod.GET, "/task?firstResult=abc", null)).isEqualTo(400);
    assertThat(engine("admin", HttpMethod.DELETE, "/task/" + task, null)).isEqualTo(400);
    assertThat(engine("admin", HttpMethod.PUT, "/process-instance/no-such-instance/variables/note",
        Map.of("value", "x", "type", "String"))).isEqualTo(404);
    assertThat(engine("desk", HttpMethod.POST, "/task/no-such-task/claim", Map.of("userId", "desk"))).isEqualTo(404);
    assertThat(engine("desk", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "desk"))).isEqualTo(204);
    assertThat(engine("admin", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "admin"))).isEqualTo(409);
    assertThat(driver.task(rma, REMOTE_DIAGNOSIS).getAssignee()).isEqualTo("desk");
  }

  // --- 10. Smaller leaks ----------------------------------------------------------------------------

  @Test
  void unknownPathsMethodsAndMediaTypesUnderTheApiAnswerProblemDetails() {
    assertProblem(api.get("portal", "/api/no-such-thing"), HttpStatus.NOT_FOUND);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("portal", "portal");
    assertProblem(http.exchange("/api/rmas", HttpMethod.DELETE, new HttpEntity<>(headers), JsonNode.class),
        HttpStatus.METHOD_NOT_ALLOWED);
    headers.setContentType(MediaType.TEXT_PLAIN);
    assertProblem(http.exchange("/api/rmas", HttpMethod.POST, new HttpEntity<>("x", headers), JsonNode.class),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void staffCannotListWhoTheAdministratorsAreNorLearnIdsFromARefusal() {
    assertThat(http.withBasicAuth("desk", "desk").getForObject(ENGINE + "/user?memberOfGroup=camunda-admin",
        JsonNode.class)).isEmpty();
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    String instance = driver.processInstanceId(rma);

    ResponseEntity<String> refused = http.withBasicAuth("desk", "desk").exchange(
        ENGINE + "/process-instance/" + instance + "/variables/priority", HttpMethod.PUT,
        new HttpEntity<>(Map.of("value", "LOW", "type", "String")), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("UPDATE").doesNotContain(instance);
  }

  @Test
  void aConflictIsOneLineInTheLogNotAStackTrace(CapturedOutput output) {
    String rma = TestCases.inRemoteDiagnosis(api, driver);
    int before = output.getAll().length();

    ResponseEntity<JsonNode> early = api.post("portal", "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF9"), rma);

    assertProblem(early, HttpStatus.CONFLICT);
    String logged = output.getAll().substring(before);
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain("\tat ");
  }

  @Test
  void staffReadCasesThroughTheApiWithTheCustomersContactDetailsMasked() {
    String rma = TestCases.inRemoteDiagnosis(api, driver);

    JsonNode byDesk = api.get("desk", "/api/rmas/{rma}", rma).getBody().path("customer");
    JsonNode byPortal = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("customer");
    JsonNode listed = api.get("tech", "/api/rmas?serialNumber={serial}",
        api.get("portal", "/api/rmas/{rma}", rma).getBody().path("product").path("serialNumber").asText()).getBody();

    assertThat(byPortal.path("email").asText()).isEqualTo("li.wei@example.com");
    assertThat(byPortal.path("phone").asText()).isEqualTo("+86 138 0000 0000");
    assertThat(byDesk.path("email").asText()).isEqualTo("l•••@example.com");
    assertThat(byDesk.path("phone").asText()).isEqualTo("•••00");
    assertThat(byDesk.path("address").path("line1").asText()).isEqualTo("•••");
    assertThat(byDesk.path("address").path("city").asText()).isEqualTo("Shanghai");
    assertThat(byDesk.path("name").asText()).isEqualTo("Li Wei");
    assertThat(listed.path("items").get(0).path("customerEmail").asText()).isEqualTo("l•••@example.com");
  }

  // --- helpers ------------------------------------------------------------------------------------

  private String caseStatus(String rma) {
    return api.get("portal", "/api/rmas/{rma}", rma).getBody().path("status").asText();
  }

  private ResponseEntity<JsonNode> pay(String rma, String reference, String amount, String currency) {
    return api.post("portal", "/api/rmas/{rma}/payments",
        Map.of("reference", reference, "amount", amount, "currency", currency), rma);
  }

  private int engine(String login, HttpMethod method, String path, Object body) {
    return engineCall(login, method, path, body).getStatusCode().value();
  }

  private ResponseEntity<JsonNode> engineCall(String login, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(login, login);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(ENGINE + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> raw(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("portal", "portal");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private TestRestTemplate withKey(String key) {
    TestRestTemplate template = new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder());
    template.setUriTemplateHandler(http.getRestTemplate().getUriTemplateHandler());
    template.getRestTemplate().getInterceptors().add((request, bytes, execution) -> {
      request.getHeaders().setBearerAuth(key);
      return execution.execute(request, bytes);
    });
    return template;
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("detail").asText()).isNotBlank();
  }
}
