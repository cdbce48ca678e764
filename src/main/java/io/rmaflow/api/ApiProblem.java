package io.rmaflow.api;

import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The stable problem types of the API (RFC 9457 {@code type}), one per kind of failure. */
public enum ApiProblem {
  INVALID_REQUEST("invalid-request", "Invalid request"),
  UNREADABLE_REQUEST("unreadable-request", "Unreadable request body"),
  UNAUTHORIZED("unauthorized", "Authentication required"),
  FORBIDDEN("forbidden", "Not allowed"),
  UNKNOWN_RMA("unknown-rma", "Unknown RMA number"),
  UNKNOWN_PRODUCT("unknown-product", "Unknown product"),
  UNKNOWN_CONTRACT("unknown-contract", "Unknown contract number"),
  UNIT_ALREADY_COVERED("unit-already-covered", "A unit is covered by another open contract"),
  UNKNOWN_OUTAGE("unknown-outage", "Unknown outage"),
  UNKNOWN_REPORT("unknown-report", "No service report for that month"),
  OPEN_RMA_EXISTS("open-rma-exists", "An RMA for this serial number is open"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key used with another request"),
  NOT_AWAITED("event-not-awaited", "The case is not waiting for this"),
  PAYMENT_MISMATCH("payment-mismatch", "Payment does not match what is owed"),
  PAYMENT_REFERENCE_REUSED("payment-reference-reused", "Payment reference used for another payment"),
  BAD_SIGNATURE("bad-signature", "Missing or invalid request signature"),
  NOT_FOUND("not-found", "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
  UNKNOWN_MIGRATION_PLAN("unknown-migration-plan", "Unknown migration plan"),
  MIGRATION_NOT_APPLICABLE("migration-not-applicable", "The plan's target version is not deployed"),
  SERVICE_UNAVAILABLE("service-unavailable", "Temporarily unavailable"),
  INTERNAL("internal-error", "Internal error");

  private static final String BASE = "https://rmaflow.io/problems/";

  private final URI type;
  private final String title;

  ApiProblem(String slug, String title) {
    this.type = URI.create(BASE + slug);
    this.title = title;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The type for a failure known only by its status, such as Spring MVC's own. */
  static Optional<ApiProblem> forStatus(HttpStatusCode status) {
    return Optional.ofNullable(switch (status.value()) {
      case 400 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 500 -> INTERNAL;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> null;
    });
  }

  public ProblemDetail detail(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }
}
