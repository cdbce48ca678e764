package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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
    Browser owner = Browser.loggedIn(http, "owner", "cockpit");

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
    Browser owner = Browser.loggedIn(http, "owner", "cockpit");

    ResponseEntity<JsonNode> post = owner.post("/api/rmas/RMA-2026-999999/complaints", Map.of("text", "cross-site"));

    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.post("owner", "/api/rmas/RMA-2026-999999/complaints", Map.of("text", "by Basic")).getStatusCode())
        .as("the same user with Basic is known, just not allowed").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aServiceDeskSessionMayReadCasesButNotTheInsight() {
    Browser desk = Browser.loggedIn(http, "desk", "tasklist");

    assertThat(desk.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(desk.get("/api/sla/tasks").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(desk.get("/api/rmas").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void withoutALoginOrAfterLoggingOutTheAnswerIsUnauthorized() {
    Browser anonymous = Browser.fresh(http);
    Browser owner = Browser.loggedIn(http, "owner", "cockpit");
    owner.logOut();

    assertThat(anonymous.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(owner.get("/api/insight").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get(null, "/api/insight").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** Cookies kept by hand, as a browser does: the session and the webapps' CSRF token. */
  static final class Browser {

    private final TestRestTemplate http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private Browser(TestRestTemplate http) {
      this.http = http;
    }

    /** A first visit to the webapps hands out the session and the CSRF token. */
    static Browser fresh(TestRestTemplate http) {
      Browser browser = new Browser(http);
      ResponseEntity<String> page = browser.exchange(HttpMethod.GET, "/camunda/app/cockpit/default/", null, null, String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(browser.cookies).containsKeys("JSESSIONID", "XSRF-TOKEN");
      return browser;
    }

    static Browser loggedIn(TestRestTemplate http, String login, String app) {
      Browser browser = fresh(http);
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", login);
      form.add("password", login);
      ResponseEntity<String> answer = browser.exchange(HttpMethod.POST,
          "/camunda/api/admin/auth/user/default/login/" + app, form, MediaType.APPLICATION_FORM_URLENCODED, String.class);
      assertThat(answer.getStatusCode()).as("login of %s to %s", login, app).isEqualTo(HttpStatus.OK);
      // The login starts a new session; as Cockpit does on loading, a read fetches its CSRF token.
      assertThat(browser.exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, null, String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      return browser;
    }

    void logOut() {
      ResponseEntity<String> answer = exchange(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout", null, null,
          String.class);
      assertThat(answer.getStatusCode().is2xxSuccessful()).isTrue();
    }

    ResponseEntity<JsonNode> get(String path) {
      return exchange(HttpMethod.GET, path, null, null, JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
      return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, JsonNode.class);
    }

    private <T> ResponseEntity<T> exchange(HttpMethod method, String path, Object body, MediaType type, Class<T> answer) {
      HttpHeaders headers = new HttpHeaders();
      if (!cookies.isEmpty()) {
        headers.add(HttpHeaders.COOKIE, cookies.entrySet().stream()
            .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      if (type != null) {
        headers.setContentType(type);
      }
      ResponseEntity<T> response = http.exchange(path, method, new HttpEntity<>(body, headers), answer);
      List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
      if (setCookies != null) {
        setCookies.stream().flatMap(header -> HttpCookie.parse(header).stream())
            .forEach(cookie -> cookies.put(cookie.getName(), cookie.getValue()));
      }
      return response;
    }
  }
}
