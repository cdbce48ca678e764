package io.rmaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.api.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Machine clients' keys: issued by an administrator and shown once, kept as a hash, several at a time, revoked. */
@RmaSpringBootTest
class ApiKeysTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(http);
  }

  @Test
  void aClientRotatesItsKeyWithoutAGapAndARevokedKeyIsRefusedAtBothApis() {
    JsonNode first = api.post("admin", "/api/admin/api-keys", Map.of("client", "portal", "label", "Shop, 2026")).getBody();
    JsonNode second = api.post("admin", "/api/admin/api-keys", Map.of("client", "portal", "label", "Shop, 2027")).getBody();
    String firstKey = first.path("value").asText();
    String secondKey = second.path("value").asText();

    assertThat(firstKey).startsWith("rma_").hasSizeGreaterThan(40).isNotEqualTo(secondKey);
    assertThat(status(firstKey, "/api/rmas")).isEqualTo(200);
    assertThat(status(secondKey, "/api/rmas")).isEqualTo(200);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(firstKey).query(Long.class).single())
        .as("the key itself is not stored").isZero();

    assertThat(api.exchangeAs("admin", HttpMethod.DELETE, "/api/admin/api-keys/" + first.path("key").path("id").asText())
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(status(firstKey, "/api/rmas")).isEqualTo(401);
    assertThat(status(firstKey, "/engine-rest/task/count")).isEqualTo(401);
    assertThat(status(secondKey, "/api/rmas")).isEqualTo(200);
    JsonNode listed = api.get("admin", "/api/admin/api-keys").getBody();
    assertThat(listed.findValuesAsText("id")).contains(first.path("key").path("id").asText());
    assertThat(listed.toString()).doesNotContain(firstKey).doesNotContain(secondKey);
  }

  @Test
  void keysAreForMachineClientsAndIssuedByAdministratorsOnly() {
    assertThat(api.post("desk", "/api/admin/api-keys", Map.of("client", "portal", "label", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("desk", "/api/admin/api-keys").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("portal", "/api/admin/api-keys").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("portal", "/api/admin/api-keys", Map.of("client", "portal", "label", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var forStaff = api.post("admin", "/api/admin/api-keys", Map.of("client", "desk", "label", "x"));
    assertThat(forStaff.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(forStaff.getBody().path("errors").findValuesAsText("field")).containsExactly("client");
  }

  private int status(String key, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(key);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value();
  }
}
