package io.rmaflow.portal;

import io.rmaflow.support.BucketsPerAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the customer pages' requests per client address ({@link BucketsPerAddress}, kept for
 * ten minutes after an address's last request): a link's token cannot be found by trying. The address is
 * the connection's, or the proxy's forwarded one where {@code server.forward-headers-strategy}
 * says the proxy is trusted. Each node counts for itself.
 */
class RequestsPerAddress extends OncePerRequestFilter {

  private final BucketsPerAddress buckets;

  RequestsPerAddress(int perMinute) {
    this.buckets = new BucketsPerAddress(perMinute, Duration.ofMinutes(1), Duration.ofMinutes(10));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (buckets.of(request.getRemoteAddr()).tryConsume(1)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", "60");
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Too many "
        + "requests</title></head><body><main><h1>Too many requests</h1><p>Please wait a minute and try again. / "
        + "请稍候一分钟再试。</p></main></body></html>").getBytes(StandardCharsets.UTF_8));
  }
}
