package io.rmaflow.api;

import io.rmaflow.support.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every door answers {@code 503} with a
 * {@code Retry-After}: the domain API and the engine REST API as problem details, the
 * customer pages with the server's error page. The request was rolled back, unless the
 * connection broke during its commit; either way sending it again is safe, since submissions
 * carry their Idempotency-Key and events not awaited any more are answered {@code 409}. Outermost of all filters, so that a failure inside authentication
 * (the login and API-key checks read the database too) is answered the same way.
 */
class DatabaseUnavailableAnswers extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableAnswers.class);
  static final String DETAIL = "The database cannot be reached at the moment, so this request may not have been applied. "
      + "Send it again in a few seconds (a submission with the same Idempotency-Key).";
  /** One warning per this many refusals: an outage under load refuses thousands of requests. */
  private static final long LOG_EVERY = 100;

  private static final AtomicLong REFUSED = new AtomicLong();

  private final ProblemResponses problems;

  DatabaseUnavailableAnswers(ProblemResponses problems) {
    this.problems = problems;
  }

  static ResponseEntity<ProblemDetail> answer() {
    refused(null);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
        .body(problem());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      // The engine REST API writes its own 503s: they get the same Retry-After.
      chain.doFilter(request, new HttpServletResponseWrapper(response) {
        @Override
        public void setStatus(int status) {
          super.setStatus(status);
          retryAfter(this, status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
          retryAfter(this, status);
          super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
          retryAfter(this, status);
          super.sendError(status);
        }
      });
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!DatabaseUnavailable.isCause(failure) || response.isCommitted()) {
        throw failure;
      }
      refused(failure);
      response.reset();
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/portal")) {
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        return;
      }
      problems.write(request, response, problem());
    }
  }

  private static void retryAfter(HttpServletResponse response, int status) {
    if (status == HttpStatus.SERVICE_UNAVAILABLE.value() && !response.containsHeader(HttpHeaders.RETRY_AFTER)) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }
  }

  private static ProblemDetail problem() {
    return ApiProblem.SERVICE_UNAVAILABLE.detail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
  }

  private static void refused(Throwable failure) {
    long count = REFUSED.incrementAndGet();
    if (count % LOG_EVERY == 1) {
      // The class of the failure only: a driver's message may quote the statement's values.
      LOG.warn("Database unavailable: {} requests answered 503 so far{}", count,
          failure == null ? "" : " (" + failure.getClass().getName() + ")");
    }
  }
}
