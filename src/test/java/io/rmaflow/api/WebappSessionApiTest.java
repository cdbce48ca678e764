package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The API read with a Camunda webapp login, as the Cockpit insight page does: the browser
 * sends the session cookie and nothing else. Reads only; a change still needs HTTP Basic.
 */
@RmaSpringBootTest
class WebappSessionApiTest {

  @Autowired TestRestTemplate http;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
  }

  @Test
  void aProcessOwnerLoggedInToCockpitReadsTheInsightWithTheSession() {
    WebappBrowser owner = WebappBrowser.loggedIn(http, "owner", "cockpit");

    ResponseEntity<JsonNode> bySession = owner.get("/api/insight");
    JsonNode byBasic = api.get("owner", "/api/insight").getBody();

    assertThat(bySession.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bySession.getBody().path("openCases")).isEqualTo(byBasic.path("openCases"));
    assertThat(bySession.getBody().path("waitingOnCustomers")).isEqualTo(byBasic.path("waitingOnCustomers"));
    assertThat(bySession.getHeaders().get(HttpHeaders.SET_COOKIE)).as("the webapp session keeps its id").isNull();
    assertThat(owner.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aSessionNeverChangesACaseNotEvenWithTheWebappsCsrfToken() {
    WebappBrowser owner = WebappBrowser.loggedIn(http, "owner", "cockpit");

    ResponseEntity<JsonNode> post = owner.post("/api/rmas/RMA-2026-999999/complaints", Map.of("text", "cross-site"));

    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.post("owner", "/api/rmas/RMA-2026-999999/complaints", Map.of("text", "by Basic")).getStatusCode())
        .as("the same user with Basic is known, just not allowed").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aServiceDeskSessionMayReadCasesButNotTheInsight() {
    WebappBrowser desk = WebappBrowser.loggedIn(http, "desk", "tasklist");

    assertThat(desk.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(desk.get("/api/sla/tasks").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(desk.get("/api/rmas").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void withoutALoginOrAfterLoggingOutTheAnswerIsUnauthorized() {
    WebappBrowser anonymous = WebappBrowser.fresh(http);
    WebappBrowser owner = WebappBrowser.loggedIn(http, "owner", "cockpit");
    owner.logOut();

    assertThat(anonymous.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(owner.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get(null, "/api/insight").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

}
