package io.rmaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.UserTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The engine REST API needs credentials, and each login sees and works only its groups' tasks. */
@RmaSpringBootTest
class EngineRestSecurityTest {

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired DelegatingFilterProxyRegistrationBean securityFilterChainRegistration;

  @Test
  void springSecurityGuardsOnlyTheDomainApiAndTheCustomerPagesSoTheWebappsKeepTheirOwnLoginAndCsrf() {
    assertThat(securityFilterChainRegistration.getUrlPatterns()).containsExactly("/api/*", "/portal/*");
    assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theEngineRestApiRefusesCallsWithoutValidCredentials() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("nobody", "nobody").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // After a wrong password the engine delays further logins of that user, so use one no other test needs.
    assertThat(http.withBasicAuth("field", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("qa", "qa").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void staffSeeAndCompleteOnlyTheirGroupsTasks() {
    String rmaNumber = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    String taskId = driver.task(rmaNumber, UserTask.REMOTE_DIAGNOSIS).getId();

    assertThat(taskIds("desk", rmaNumber)).containsExactly(taskId);
    assertThat(taskIds("dock", rmaNumber)).isEmpty();
    assertThat(taskIds("tech", rmaNumber)).isEmpty();
    assertThat(taskIds("admin", rmaNumber)).containsExactly(taskId);

    var completion = Map.of("variables", Map.of("remoteOutcome", Map.of("value", "SEND_IN")));
    ResponseEntity<String> byDock = http.withBasicAuth("dock", "dock")
        .postForEntity("/engine-rest/task/{id}/complete", completion, String.class, taskId);
    assertThat(byDock.getStatusCode().is4xxClientError()).isTrue();

    ResponseEntity<String> byDesk = http.withBasicAuth("desk", "desk")
        .postForEntity("/engine-rest/task/{id}/complete", completion, String.class, taskId);
    assertThat(byDesk.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void staffSeeTheirGroupsTasklistFilterAndTheirOwn() {
    JsonNode filters = http.withBasicAuth("dock", "dock").getForObject("/engine-rest/filter", JsonNode.class);

    assertThat(filters).extracting(filter -> filter.path("name").asText())
        .containsExactlyInAnyOrder("Receiving dock", "My tasks");
  }

  @Test
  void theTasklistListShowsTheCaseOnEachTaskWithoutOpeningTheProcessInstance() {
    String rmaNumber = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    String taskId = driver.task(rmaNumber, UserTask.REMOTE_DIAGNOSIS).getId();

    JsonNode variables = http.withBasicAuth("desk", "desk")
        .getForObject("/engine-rest/task/{id}/localVariables", JsonNode.class, taskId);

    assertThat(variables.path("rmaNumber").path("value").asText()).isEqualTo(rmaNumber);
    assertThat(variables.path("customerName").path("value").asText()).isEqualTo("Li Wei");
    assertThat(variables.path("productModel").path("value").asText()).isEqualTo("X200");
  }

  @Test
  void aServiceDeskLoginCannotReadProcessInstancesItHasNoTaskIn() {
    JsonNode instances = http.withBasicAuth("desk", "desk").getForObject("/engine-rest/process-instance", JsonNode.class);

    assertThat(instances).isEmpty();
  }

  private List<String> taskIds(String login, String rmaNumber) {
    JsonNode tasks = http.withBasicAuth(login, login)
        .getForObject("/engine-rest/task?processInstanceBusinessKey={rma}", JsonNode.class, rmaNumber);
    List<String> ids = new java.util.ArrayList<>();
    tasks.forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }
}
