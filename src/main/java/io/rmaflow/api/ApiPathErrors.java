package io.rmaflow.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for calls under {@code /api} that reach no controller (an unknown path, a
 * method or media type no operation takes), which {@link ApiExceptionHandler}, bound to the
 * API's controllers, never sees. Elsewhere (the customer pages, the webapps) these failures
 * go on to Spring's own handling, by rethrowing them unchanged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiPathErrors {

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noSuchPath(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
    return onApi(request, e, ApiProblem.NOT_FOUND.detail(HttpStatus.NOT_FOUND, "There is no such resource."));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail noSuchMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    return onApi(request, e, ApiProblem.METHOD_NOT_ALLOWED.detail(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail noSuchMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    return onApi(request, e, ApiProblem.UNSUPPORTED_MEDIA_TYPE.detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Send the body as application/json."));
  }

  private static <E extends Exception> ProblemDetail onApi(HttpServletRequest request, E e, ProblemDetail problem)
      throws E {
    if (!request.getRequestURI().startsWith("/api/")) {
      throw e;
    }
    problem.setInstance(URI.create(request.getRequestURI()));
    return problem;
  }
}
