package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.security.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.camunda.bpm.engine.IdentityService;
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

/**
 * A gateway with a signing secret (application-test.yaml) gets its payments taken only when
 * signed over timestamp and body, recently; a gateway without one is trusted on its key.
 */
@RmaSpringBootTest
class PaymentSignaturesTest {

  static final String GATEWAY = "signinggateway";
  static final String SECRET = "whsec_test_secret_for_signatures";

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired IdentityService identityService;
  @Autowired ApiKeys apiKeys;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  ApiClient api;
  String key;

  @BeforeEach
  void gateway() {
    api = new ApiClient(http);
    TestCases.machineClient(identityService, GATEWAY);
    key = apiKeys.issue(GATEWAY, "Signing gateway").value();
  }

  @Test
  void aSignedPaymentIsTakenAndUnsignedForgedOrStaleOnesAreRefused() {
    String rma = TestCases.quoted(api, driver);
    String gross = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("quote").path("gross").asText();
    String body = "{\"reference\":\"PAY-SIGNED-" + rma + "\",\"amount\":\"" + gross + "\",\"currency\":\"CNY\"}";
    long now = TestClock.instant().getEpochSecond();

    assertThat(pay(rma, body, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(pay(rma, body, "t=" + now + ",v1=" + "0".repeat(64)).getBody().path("type").asText())
        .endsWith("/bad-signature");
    String path = "/api/rmas/" + rma + "/payments";
    assertThat(pay(rma, body, signature(now - 600, path, body)).getBody().path("detail").asText())
        .contains("more than 300 seconds");
    String altered = body.replace(gross, "0.01");
    assertThat(pay(rma, altered, signature(now, path, body)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    String other = TestCases.quoted(api, driver);
    assertThat(pay(other, body, signature(now, path, body)).getStatusCode()).as("signed for another case")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // An encoded letter in the path reaches the same controller and meets the same check.
    assertThat(http.exchange("/api/rmas/" + rma + "/%70ayments", HttpMethod.POST, new HttpEntity<>(body, headers()),
        JsonNode.class).getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
    assertThat(payments(rma)).isEmpty();

    ResponseEntity<JsonNode> signed = pay(rma, body, signature(now, path, body));

    assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(payments(rma)).containsExactly(gross);
  }

  private java.util.List<String> payments(String rma) {
    return jdbc.sql("SELECT amount FROM payment WHERE rma_number = ?").param(rma)
        .query((row, n) -> row.getBigDecimal("amount").toPlainString()).list();
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(key);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private ResponseEntity<JsonNode> pay(String rma, String body, String signature) {
    HttpHeaders headers = headers();
    if (signature != null) {
      headers.add("RMA-Signature", signature);
    }
    return http.exchange("/api/rmas/{rma}/payments", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class, rma);
  }

  /** As the gateway computes it, from the scheme's description, not from the application's code. */
  private static String signature(long timestamp, String path, String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + path + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

}
