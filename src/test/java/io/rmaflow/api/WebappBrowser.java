package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser's session with the Camunda webapps, over HTTP: cookies, the CSRF token, a login. */
public final class WebappBrowser {

  private final TestRestTemplate http;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappBrowser(TestRestTemplate http) {
    this.http = http;
  }

  /** A first visit to the webapps hands out the session and the CSRF token. */
  public static WebappBrowser fresh(TestRestTemplate http) {
    WebappBrowser browser = new WebappBrowser(http);
    ResponseEntity<String> page = browser.exchange(HttpMethod.GET, "/camunda/app/cockpit/default/", null, null, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(browser.cookies).containsKeys("JSESSIONID", "XSRF-TOKEN");
    return browser;
  }

  public static WebappBrowser loggedIn(TestRestTemplate http, String login, String app) {
    WebappBrowser browser = fresh(http);
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

  public void logOut() {
    ResponseEntity<String> answer = exchange(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout", null, null,
        String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).isTrue();
  }

  public ResponseEntity<JsonNode> get(String path) {
    return exchange(HttpMethod.GET, path, null, null, JsonNode.class);
  }

  public ResponseEntity<JsonNode> post(String path, Object body) {
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
