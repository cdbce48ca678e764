package io.rmaflow.security;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.api.ApiClient;
import io.rmaflow.api.TestCases;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.process.RmaProcess.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * For each group's login and for an API client: every engine REST call that changes a case, a
 * task or a job, and the answer it must get. Administrators change cases; owners retry; staff
 * work their tasks through their forms; nobody ends a task past its form or claims for someone else.
 */
@RmaSpringBootTest
class EnginePermissionMatrixTest {

  static final String ADMIN = "admin";
  static final String OWNER = "owner";

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"admin", "desk", "dock", "tech", "qa", "finance", "logistics", "field", "manager", "owner",
      "portal"})
  void eachLoginGetsTheAnswerItsGroupIsDue(String login) {
    boolean admin = ADMIN.equals(login);
    boolean owner = OWNER.equals(login);
    String diagnosing = TestCases.inRemoteDiagnosis(new ApiClient(http), driver);
    String waiting = awaitingParcel();
    String instance = driver.processInstanceId(diagnosing);
    String task = driver.task(diagnosing, REMOTE_DIAGNOSIS).getId();
    Job reminder = driver.timer(waiting, Elements.SHIP_REMINDER_TIMER);
    Job cleanup = historyService.findHistoryCleanupJobs().get(0);

    Map<String, Integer> expected = new LinkedHashMap<>();
    Map<String, Integer> actual = new LinkedHashMap<>();
    check(expected, actual, "read the case's instance", 200,
        call(login, HttpMethod.GET, "/process-instance?businessKey=" + diagnosing, null));
    check(expected, actual, "instances visible", admin || owner ? 1 : 0,
        http.withBasicAuth(login, login).getForObject("/engine-rest/process-instance/count?businessKey={rma}",
            JsonNode.class, diagnosing).path("count").asInt());
    check(expected, actual, "members of camunda-admin visible", admin || owner ? 1 : 0,
        http.withBasicAuth(login, login).getForObject("/engine-rest/user?memberOfGroup=camunda-admin", JsonNode.class)
            .size());
    check(expected, actual, "correlate a message", admin ? 204 : 403, call(login, HttpMethod.POST, "/message",
        Map.of("messageName", Messages.DEVICE_SHIPPED, "businessKey", waiting)));
    check(expected, actual, "run a timer early", admin ? 204 : 403,
        call(login, HttpMethod.POST, "/job/" + reminder.getId() + "/execute", null));
    check(expected, actual, "write a variable", admin ? 204 : 403, call(login, HttpMethod.PUT,
        "/process-instance/" + instance + "/variables/note", Map.of("value", "x", "type", "String")));
    check(expected, actual, "delete a variable", admin ? 204 : 403,
        call(login, HttpMethod.DELETE, "/process-instance/" + instance + "/variables/note", null));
    check(expected, actual, "modify the instance", admin ? 204 : 403, call(login, HttpMethod.POST,
        "/process-instance/" + instance + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", REMOTE_DIAGNOSIS.id())))));
    check(expected, actual, "an undeclared BPMN error", 400,
        call(login, HttpMethod.POST, "/task/" + task + "/bpmnError", Map.of("errorCode", "ANY")));
    check(expected, actual, "an undeclared escalation", 400,
        call(login, HttpMethod.POST, "/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "ANY")));
    check(expected, actual, "complete with a field the form has not", 400, call(login, HttpMethod.POST,
        "/task/" + task + "/complete", Map.of("variables", Map.of("remoteOutcome", Map.of("value", "SEND_IN"),
            "priority", Map.of("value", "HIGH")))));
    check(expected, actual, "claim for someone else", 403,
        call(login, HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "someone-else")));
    check(expected, actual, "assign the task to oneself", admin ? 204 : 403,
        call(login, HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", login)));
    check(expected, actual, "retry the history cleanup job", admin || owner ? 204 : 403, call(login, HttpMethod.PUT,
        "/job/" + cleanup.getId() + "/retries", Map.of("retries", cleanup.getRetries())));
    check(expected, actual, "reprioritise the history cleanup job", admin ? 204 : 403, call(login, HttpMethod.PUT,
        "/job/" + cleanup.getId() + "/priority", Map.of("priority", cleanup.getPriority())));
    check(expected, actual, "suspend the history cleanup job", admin ? 204 : 403, call(login, HttpMethod.PUT,
        "/job/" + cleanup.getId() + "/suspended", Map.of("suspended", true)));
    managementService.activateJobById(cleanup.getId());
    check(expected, actual, "suspend the instance", admin ? 204 : 403, call(login, HttpMethod.PUT,
        "/process-instance/" + instance + "/suspended", Map.of("suspended", true)));

    assertThat(actual).as(login).containsExactlyEntriesOf(expected);
  }

  private static void check(Map<String, Integer> expected, Map<String, Integer> actual, String call, int want, int got) {
    expected.put(call, want);
    actual.put(call, got);
  }

  private int call(String login, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(login, login);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers),
        String.class);
    return answer.getStatusCode().value();
  }

  private String awaitingParcel() {
    String rma = TestCases.inRemoteDiagnosis(new ApiClient(http), driver);
    driver.complete(rma, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    driver.runAsyncSteps(rma);
    return rma;
  }
}
