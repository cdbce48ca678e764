package io.rmaflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Problem details written by the security filters, before any controller runs. */
@Component
public class ProblemResponses {

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
    // A page's script (the Cockpit insight page) handles the 401 itself; the challenge would
    // make the browser pop up its own password dialog over the page.
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"RMA Flow\"");
    }
    write(request, response, ApiProblem.UNAUTHORIZED.detail(HttpStatus.UNAUTHORIZED,
        "Send an API key (Authorization: Bearer rma_...) or a login with HTTP Basic authentication."));
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    write(request, response, ApiProblem.FORBIDDEN.detail(HttpStatus.FORBIDDEN,
        "This login may not make this call: only api-clients may change cases, staff may read them, "
            + "and only process owners, service managers and administrators see service levels and insight."));
  }

  void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
