package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableAnswersTest {

  final ObjectMapper json = new ObjectMapper();
  final DatabaseUnavailableAnswers filter = new DatabaseUnavailableAnswers(new ProblemResponses(json));

  @Test
  void anOutageMetDuringAuthenticationIsA503ProblemWithRetryAfterAndNoClassOrSql() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain authenticationFails = (request, ignored) -> {
      throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"));
    };

    filter.doFilter(new MockHttpServletRequest("GET", "/api/rmas"), response, authenticationFails);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    var problem = json.readTree(response.getContentAsString());
    assertThat(problem.path("type").asText()).isEqualTo("https://rmaflow.io/problems/service-unavailable");
    assertThat(problem.path("instance").asText()).isEqualTo("/api/rmas");
    assertThat(response.getContentAsString()).doesNotContain("Hikari", "JDBC", "Exception");
  }

  @Test
  void theEngineRestApisOwn503GetsTheSameRetryAfterAndOtherFailuresPassThrough() throws Exception {
    MockHttpServletResponse engineRest = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), engineRest,
        (request, response) -> ((jakarta.servlet.http.HttpServletResponse) response).setStatus(503));
    assertThat(engineRest.getHeader("Retry-After")).isEqualTo("5");

    MockHttpServletResponse other = new MockHttpServletResponse();
    FilterChain fails = (request, response) -> {
      throw new IllegalStateException("not the database");
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/rmas"), other, fails))
        .isInstanceOf(IllegalStateException.class);
  }
}
