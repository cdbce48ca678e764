package io.rmaflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the running test app over HTTP as a given login; every answer comes back as JSON. */
public record ApiClient(TestRestTemplate http) {

  public ResponseEntity<JsonNode> get(String login, String path, Object... uriVariables) {
    return exchange(login, HttpMethod.GET, path, null, Map.of(), uriVariables);
  }

  public ResponseEntity<JsonNode> getWithHeaders(String login, String path, Map<String, String> headers) {
    return exchange(login, HttpMethod.GET, path, null, headers);
  }

  public ResponseEntity<JsonNode> post(String login, String path, Object body, Object... uriVariables) {
    return exchange(login, HttpMethod.POST, path, body, Map.of(), uriVariables);
  }

  public ResponseEntity<JsonNode> postWithHeaders(String login, String path, Object body, Map<String, String> headers) {
    return exchange(login, HttpMethod.POST, path, body, headers);
  }

  public ResponseEntity<JsonNode> put(String login, String path, Object body, Object... uriVariables) {
    return exchange(login, HttpMethod.PUT, path, body, Map.of(), uriVariables);
  }

  public ResponseEntity<JsonNode> exchangeAs(String login, HttpMethod method, String path, Object... uriVariables) {
    return exchange(login, method, path, null, Map.of(), uriVariables);
  }

  private ResponseEntity<JsonNode> exchange(String login, HttpMethod method, String path, Object body,
      Map<String, String> extraHeaders, Object... uriVariables) {
    HttpHeaders headers = new HttpHeaders();
    if (login != null) {
      headers.setBasicAuth(login, login);
    }
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    extraHeaders.forEach(headers::add);
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class, uriVariables);
  }

  /** A repair application as a shop portal sends it (contract: {@code POST /api/rmas} body). */
  public static Map<String, Object> application(String serialNumber, String email, String channel, LocalDate invoiceDate) {
    Map<String, Object> purchase = new HashMap<>();
    purchase.put("channel", channel);
    if (invoiceDate != null) {
      purchase.put("invoiceNumber", "INV-88");
      purchase.put("invoiceDate", invoiceDate.toString());
      purchase.put("deliveryDate", invoiceDate.toString());
    }
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("customer", Map.of("name", "Li Wei", "email", email, "phone", "+86 138 0000 0000", "locale", "zh",
        "address", Map.of("line1", "1 Nanjing Rd", "city", "Shanghai", "province", "Shanghai", "postalCode", "200001",
            "country", "CN")));
    application.put("product", Map.of("model", "X200", "serialNumber", serialNumber));
    application.put("purchase", purchase);
    application.put("fault", Map.of("description", "Does not power on", "category", "POWER"));
    application.put("priority", "MEDIUM");
    application.put("serviceType", "MAIL_IN");
    application.put("keepReplacedParts", false);
    application.put("acknowledgements", Map.of("dataBackedUp", true, "passwordsRemoved", true));
    return application;
  }
}
