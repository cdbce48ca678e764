package io.rmaflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the thread of a call that came in through one of the engine's REST doors, so that
 * {@link EngineGuardPlugin} answers that caller's conflicts and misses in HTTP's terms while
 * the application's own engine calls keep the engine's exceptions, which it retries.
 */
public class EngineRestCalls extends OncePerRequestFilter {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  public static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ACTIVE.set(Boolean.TRUE);
    try {
      chain.doFilter(request, response);
    } finally {
      ACTIVE.remove();
    }
  }
}
