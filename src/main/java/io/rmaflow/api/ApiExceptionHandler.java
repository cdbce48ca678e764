package io.rmaflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.rmaflow.contract.ContractNotAwaitingException;
import io.rmaflow.contract.ContractOverlapException;
import io.rmaflow.contract.UnknownContractException;
import io.rmaflow.contract.UnknownOutageException;
import io.rmaflow.intake.DuplicateOpenRmaException;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.product.UnknownProductException;
import io.rmaflow.report.UnknownReportException;
import io.rmaflow.rmacase.UnknownRmaException;
import io.rmaflow.support.DatabaseUnavailable;
import io.rmaflow.support.IdempotencyConflictException;
import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.PaymentMismatchException;
import io.rmaflow.support.PaymentReferenceReusedException;
import io.rmaflow.upgrade.MigrationNotApplicableException;
import io.rmaflow.upgrade.UnknownMigrationPlanException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of the domain API as RFC 9457 problem details, with a stable {@code type}
 * per kind of failure and, for invalid input, {@code errors: [{field, message}]} naming each
 * field by its JSON path. Spring MVC's own failures (unreadable body, invalid arguments, wrong
 * method or media type, unknown path) come through {@link ResponseEntityExceptionHandler},
 * which this class words; the domain's failures have handlers of their own.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return answer(invalid(e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList()), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return answer(invalid(e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList()), headers);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
    Class<?> type = e.getRequiredType();
    return answer(invalid(List.of(new FieldError(name, type == null ? "has the wrong type" : describe(type)))), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = "has the wrong type";
      if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
        message = describe(format.getTargetType());
      } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        message = describe(mismatch.getTargetType());
      }
      ProblemDetail problem = ApiProblem.INVALID_REQUEST.detail(HttpStatus.BAD_REQUEST, "The field " + field + " " + message + ".");
      problem.setProperty("errors", List.of(new FieldError(field, message)));
      return answer(problem, headers);
    }
    String detail = e.getCause() instanceof JsonProcessingException json
        ? "The request body is not well-formed JSON: " + json.getOriginalMessage() + "."
        : "The request body is missing or cannot be read.";
    return answer(ApiProblem.UNREADABLE_REQUEST.detail(HttpStatus.BAD_REQUEST, detail), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return answer(ApiProblem.METHOD_NOT_ALLOWED.detail(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage()), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return answer(ApiProblem.UNSUPPORTED_MEDIA_TYPE.detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Send the body as application/json."), headers);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return answer(ApiProblem.NOT_FOUND.detail(HttpStatus.NOT_FOUND, "There is no such resource."), headers);
  }

  /** Spring MVC's other failures keep its own wording, under the API's type for their status. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
      ApiProblem.forStatus(status).ifPresent(type -> {
        problem.setType(type.type());
        problem.setTitle(type.title());
      });
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail invalidValues(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(violation -> new FieldError(path(violation), violation.getMessage())).toList());
  }

  @ExceptionHandler(UnknownRmaException.class)
  ProblemDetail unknownRma(UnknownRmaException e) {
    return ApiProblem.UNKNOWN_RMA.detail(HttpStatus.NOT_FOUND, "There is no RMA " + e.rmaNumber() + ".");
  }

  @ExceptionHandler(UnknownContractException.class)
  ProblemDetail unknownContract(UnknownContractException e) {
    return ApiProblem.UNKNOWN_CONTRACT.detail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(UnknownOutageException.class)
  ProblemDetail unknownOutage(UnknownOutageException e) {
    return ApiProblem.UNKNOWN_OUTAGE.detail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(UnknownReportException.class)
  ProblemDetail unknownReport(UnknownReportException e) {
    return ApiProblem.UNKNOWN_REPORT.detail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ContractOverlapException.class)
  ProblemDetail unitAlreadyCovered(ContractOverlapException e) {
    return ApiProblem.UNIT_ALREADY_COVERED.detail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException e) {
    return invalid(List.of(new FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(UnknownProductException.class)
  ProblemDetail unknownProduct(UnknownProductException e) {
    return ApiProblem.UNKNOWN_PRODUCT.detail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(DuplicateOpenRmaException.class)
  ProblemDetail openRmaExists(DuplicateOpenRmaException e) {
    return ApiProblem.OPEN_RMA_EXISTS.detail(HttpStatus.CONFLICT, e.getMessage() + "; a second one is refused until it is closed.");
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
    return ApiProblem.IDEMPOTENCY_KEY_REUSED.detail(HttpStatus.CONFLICT, e.getMessage());
  }

  /** A case or a contract that does not wait for the message sent. */
  @ExceptionHandler({CaseNotAwaitingException.class, ContractNotAwaitingException.class})
  ProblemDetail notAwaited(RuntimeException e) {
    return ApiProblem.NOT_AWAITED.detail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(PaymentReferenceReusedException.class)
  ProblemDetail paymentReferenceReused(PaymentReferenceReusedException e) {
    return ApiProblem.PAYMENT_REFERENCE_REUSED.detail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(PaymentMismatchException.class)
  ProblemDetail paymentMismatch(PaymentMismatchException e) {
    ProblemDetail problem = ApiProblem.PAYMENT_MISMATCH.detail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
    return problem;
  }

  @ExceptionHandler(UnknownMigrationPlanException.class)
  ProblemDetail unknownMigrationPlan(UnknownMigrationPlanException e) {
    return ApiProblem.UNKNOWN_MIGRATION_PLAN.detail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(MigrationNotApplicableException.class)
  ProblemDetail migrationNotApplicable(MigrationNotApplicableException e) {
    return ApiProblem.MIGRATION_NOT_APPLICABLE.detail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> internal(Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      return DatabaseUnavailableAnswers.answer();
    }
    // Messages may quote the request (names, addresses); the error log names only what failed where.
    LOG.error("Request failed: {}", failureChain(e));
    LOG.debug("Request failure in full", e);
    return ResponseEntity.internalServerError().body(ApiProblem.INTERNAL.detail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be processed. It was not applied; retrying it later is safe."));
  }

  private static String failureChain(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      StackTraceElement[] frames = t.getStackTrace();
      chain.append(chain.isEmpty() ? "" : " caused by ").append(t.getClass().getName())
          .append(frames.length > 0 ? " at " + frames[0] : "");
    }
    return chain.toString();
  }

  /** What a field of this type must look like, in the contract's terms. */
  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "must be one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == java.time.LocalDate.class) {
      return "must be a date YYYY-MM-DD from " + StrictJson.FIRST_YEAR + " to " + StrictJson.LAST_YEAR;
    }
    if (type == java.math.BigDecimal.class) {
      return "must be a number of at most " + StrictJson.MAX_DIGITS + " digits before and after the point";
    }
    if (Number.class.isAssignableFrom(type) || type == int.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    return "must be a JSON object";
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
    ProblemDetail problem = ApiProblem.INVALID_REQUEST.detail(HttpStatus.BAD_REQUEST,
        "Invalid " + sorted.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")) + ".");
    problem.setProperty("errors", sorted);
    return problem;
  }

  /** The field as the caller knows it: without the Java method a parameter belongs to. */
  private static String path(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() != ElementKind.METHOD && node.getName() != null) {
        names.add(node.getName());
      }
    }
    return String.join(".", names);
  }

  private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
    return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
  }

  /** One invalid field: its JSON path and what is wrong with it. */
  public record FieldError(String field, String message) {
  }
}
