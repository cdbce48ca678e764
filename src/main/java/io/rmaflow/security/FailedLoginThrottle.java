package io.rmaflow.security;

import io.github.bucket4j.Bucket;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rmaflow.support.BucketsPerAddress;
import io.rmaflow.support.Sha256;
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
 * the engine REST API and the webapps' login. A call that carries credentials takes a token of
 * its address's bucket before they are checked and gives it back unless the answer is
 * {@code 401}, so parallel guesses are counted as surely as sequential ones; an address with no
 * token left gets {@code 429} at once. Credentials that were accepted from the address within
 * the window take no token, so a client's many calls at once are never refused as guesses (and
 * count as a failure if they stop working); and its guesses reach neither the password check nor the
 * engine's per-user delay. Calls without credentials (health probes, a page asking to log in)
 * guess nothing and are never refused. The address is the connection's, or the proxy's
 * forwarded one where {@code server.forward-headers-strategy} trusts the proxy. Each node counts
 * for itself.
 */
public class FailedLoginThrottle extends OncePerRequestFilter {

  private final int failuresPerWindow;
  private final Duration window;
  private final BucketsPerAddress buckets;
  /** Credentials answered other than 401 lately, per address (hashed), forgotten after a window. */
  private final Cache<String, Boolean> accepted;

  public FailedLoginThrottle(int failuresPerWindow, Duration window) {
    this.failuresPerWindow = failuresPerWindow;
    this.window = window;
    this.buckets = new BucketsPerAddress(failuresPerWindow, window, window.multipliedBy(2));
    this.accepted = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!carriesCredentials(request)) {
      chain.doFilter(request, response);
      return;
    }
    Bucket bucket = buckets.of(request.getRemoteAddr());
    String credential = credential(request);
    // Credentials that worked from this address are no guess: however many of a client's calls run at once.
    boolean known = credential != null && accepted.getIfPresent(credential) != null;
    if (!known && !bucket.tryConsume(1)) {
      refuse(response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        if (known) {
          accepted.invalidate(credential);
          bucket.tryConsume(1);
        }
      } else {
        if (!known) {
          bucket.addTokens(1);
        }
        // A 5xx may have come before the check (the database away, ADR 23): it proves nothing.
        if (credential != null && status < 500) {
          accepted.put(credential, Boolean.TRUE);
        }
      }
    }
  }

  /** The address and a hash of the credentials in the header; a form login is never taken as known. */
  private static String credential(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header == null ? null : request.getRemoteAddr() + " " + Sha256.hex(header);
  }

  /**
   * Credentials in a header (Basic, an API key), or a form posted to the webapps' login: the
   * filter is mapped to that door's path, where login is the only thing a POST can do without a session.
   */
  private static boolean carriesCredentials(HttpServletRequest request) {
    if (request.getHeader("Authorization") != null) {
      return true;
    }
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "POST".equals(request.getMethod()) && !path.startsWith("/api/") && !path.startsWith("/engine-rest/");
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
