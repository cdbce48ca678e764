package io.rmaflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles failed logins per client address, at every door that takes credentials: the API,
 * the engine REST API and the webapps' login. Each answer {@code 401} to a call that carried
 * credentials takes one token of the
 * address's bucket; an address with none left gets {@code 429} at once, before its credentials
 * are checked, so its guesses reach neither the password check nor the engine's per-user delay.
 * The address is the connection's, or the proxy's forwarded one where
 * {@code server.forward-headers-strategy} trusts the proxy. Each node counts for itself.
 */
public class FailedLoginThrottle extends OncePerRequestFilter {

  private final int failuresPerWindow;
  private final Duration window;
  private final Cache<String, Bucket> buckets;

  public FailedLoginThrottle(int failuresPerWindow, Duration window) {
    this.failuresPerWindow = failuresPerWindow;
    this.window = window;
    this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket = buckets.getIfPresent(request.getRemoteAddr());
    if (bucket != null && bucket.getAvailableTokens() <= 0) {
      refuse(response);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && carriesCredentials(request)) {
      buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
          .addLimit(Bandwidth.builder().capacity(failuresPerWindow).refillGreedy(failuresPerWindow, window).build())
          .build()).tryConsume(1);
    }
  }

  /** A call without credentials guesses nothing; its 401 only asks for them. */
  private static boolean carriesCredentials(HttpServletRequest request) {
    return request.getHeader("Authorization") != null || "POST".equals(request.getMethod())
        && request.getRequestURI().contains("/login/");
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(window.toSeconds() / failuresPerWindow + 1));
    response.setContentType("application/problem+json");
    response.getOutputStream().write(("{\"type\":\"https://rmaflow.io/problems/too-many-failed-logins\","
        + "\"title\":\"Too many failed logins\",\"status\":429,\"detail\":\"Too many failed logins from this address; "
        + "wait before trying again. Machine clients authenticate with an API key.\"}").getBytes(StandardCharsets.UTF_8));
  }
}
