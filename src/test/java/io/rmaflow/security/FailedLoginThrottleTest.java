package io.rmaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** An address that keeps guessing is made to wait before its guesses are even checked; other addresses are not. */
class FailedLoginThrottleTest {

  @Test
  void anAddressWithTooManyFailedLoginsIsRefusedBeforeItsCredentialsAreCheckedAndOthersAreNot() throws Exception {
    FailedLoginThrottle throttle = new FailedLoginThrottle(3, Duration.ofMinutes(10));

    for (int i = 0; i < 3; i++) {
      assertThat(call(throttle, "203.0.113.7", "Basic d3Jvbmc=", 401).getStatus()).isEqualTo(401);
    }
    CountingServlet checks = new CountingServlet(200);
    MockHttpServletResponse fourth = call(throttle, "203.0.113.7", "Basic cmlnaHQ=", checks);

    assertThat(fourth.getStatus()).isEqualTo(429);
    assertThat(checks.calls).as("the credentials were not checked").isZero();
    assertThat(fourth.getHeader("Retry-After")).isNotBlank();
    assertThat(fourth.getContentType()).isEqualTo("application/problem+json");
    assertThat(call(throttle, "198.51.100.20", "Basic cmlnaHQ=", 200).getStatus()).isEqualTo(200);
  }

  @Test
  void successfulLoginsGiveTheirTokenBack() throws Exception {
    FailedLoginThrottle throttle = new FailedLoginThrottle(2, Duration.ofMinutes(10));

    for (int i = 0; i < 5; i++) {
      assertThat(call(throttle, "203.0.113.9", "Bearer rma_right", 200).getStatus()).isEqualTo(200);
    }
    assertThat(call(throttle, "203.0.113.9", "Bearer rma_wrong", 401).getStatus()).isEqualTo(401);
    assertThat(call(throttle, "203.0.113.9", "Bearer rma_right", 200).getStatus()).isEqualTo(200);
  }

  @Test
  void aClientWhoseCredentialsWorkedIsNotThrottledHoweverManyOfItsCallsRunAtOnceButGuessesStillAre() throws Exception {
    FailedLoginThrottle throttle = new FailedLoginThrottle(2, Duration.ofMinutes(10));
    assertThat(call(throttle, "203.0.113.10", "Bearer rma_portal", 200).getStatus()).isEqualTo(200);

    int atOnce = 6;
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(atOnce);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(atOnce);
    try {
      java.util.List<java.util.concurrent.Future<MockHttpServletResponse>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < atOnce; i++) {
        answers.add(clients.submit(() -> call(throttle, "203.0.113.10", "Bearer rma_portal", new CountingServlet(200) {
          @Override
          public void service(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
            inside.countDown();
            try {
              release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.service(request, response);
          }
        })));
      }
      assertThat(inside.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("all %d calls in flight at once", atOnce).isTrue();
      release.countDown();
      for (var answer : answers) {
        assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS).getStatus()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(call(throttle, "203.0.113.10", "Bearer rma_guess1", 401).getStatus()).isEqualTo(401);
    assertThat(call(throttle, "203.0.113.10", "Bearer rma_guess2", 401).getStatus()).isEqualTo(401);
    assertThat(call(throttle, "203.0.113.10", "Bearer rma_guess3", 200).getStatus()).as("a third guess").isEqualTo(429);
    // A known key that stops working counts as a failure, and is known no more.
    assertThat(call(throttle, "203.0.113.10", "Bearer rma_portal", 401).getStatus()).isEqualTo(401);
    assertThat(call(throttle, "203.0.113.10", "Bearer rma_portal", 200).getStatus()).isEqualTo(429);
  }

  @Test
  void callsWithoutCredentialsGuessNothingAndAreNotCounted() throws Exception {
    FailedLoginThrottle throttle = new FailedLoginThrottle(2, Duration.ofMinutes(10));

    for (int i = 0; i < 5; i++) {
      assertThat(call(throttle, "203.0.113.8", null, 401).getStatus()).isEqualTo(401);
    }

    assertThat(call(throttle, "203.0.113.8", "Basic cmlnaHQ=", 200).getStatus()).isEqualTo(200);
  }

  private static MockHttpServletResponse call(FailedLoginThrottle throttle, String address, String authorization,
      int status) throws Exception {
    return call(throttle, address, authorization, new CountingServlet(status));
  }

  private static MockHttpServletResponse call(FailedLoginThrottle throttle, String address, String authorization,
      CountingServlet servlet) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/rmas");
    request.setRemoteAddr(address);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, new MockFilterChain(servlet));
    return response;
  }

  /** Stands for the credential check behind the throttle: answers with a set status and counts its calls. */
  static class CountingServlet extends jakarta.servlet.http.HttpServlet {
    private final int status;
    int calls;

    CountingServlet(int status) {
      this.status = status;
    }

    @Override
    public void service(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
      calls++;
      ((HttpServletResponse) response).setStatus(status);
    }
  }
}
