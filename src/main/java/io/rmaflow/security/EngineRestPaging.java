package io.rmaflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API hands {@code firstResult} and {@code maxResults} to SQL as they come: a
 * negative one fails in the database and answers {@code 500}. Refused here with {@code 400},
 * in the engine REST API's own error format.
 */
public class EngineRestPaging extends OncePerRequestFilter {

  private static final List<String> PAGING = List.of("firstResult", "maxResults");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String name : PAGING) {
      String value = request.getParameter(name);
      if (value != null && !(value.matches("\\d{1,10}") && Long.parseLong(value) <= Integer.MAX_VALUE)) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"type\":\"InvalidRequestException\",\"message\":\"" + name
            + " must be a whole number from 0 to " + Integer.MAX_VALUE + "\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
