package io.rmaflow.security;

import jakarta.servlet.http.HttpServletRequest;

/** Where a machine client sends its key: {@code Authorization: Bearer rma_...}. */
public final class ApiKeyHeader {

  private static final String BEARER = "Bearer ";

  private ApiKeyHeader() {}

  /** The presented key, or {@code null} when the request carries none. */
  public static String of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).trim()
        : null;
  }
}
