package io.rmaflow.api;

import io.rmaflow.security.ApiKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of machine clients, for administrators: issue one (its value is in this answer
 * only), list them, revoke one. A client switches keys without a gap: issue the next, move the
 * client over, revoke the old.
 */
@RestController
@RequestMapping(path = "/api/admin/api-keys", produces = "application/json")
@Tag(name = "API keys", description = "Keys of machine clients (administrators)")
@SecurityRequirement(name = "basic")
public class ApiKeyController {

  private final ApiKeys apiKeys;

  ApiKeyController(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  record KeyRequest(@NotBlank @Size(max = 255) String client, @NotBlank @Size(max = 100) String label) {}

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Issue an API key for a client in api-clients; the key's value is shown this once")
  @ApiResponse(responseCode = "201", description = "Issued")
  public ResponseEntity<ApiKeys.IssuedKey> issue(@Valid @RequestBody KeyRequest request) {
    ApiKeys.IssuedKey issued = apiKeys.issue(request.client(), request.label());
    return ResponseEntity.created(URI.create("/api/admin/api-keys/" + issued.key().id())).body(issued);
  }

  @GetMapping
  @Operation(summary = "List the API keys, active and revoked (never their values)")
  public List<ApiKeys.KeyInfo> list() {
    return apiKeys.list();
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke an API key; calls with it are refused from now on")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @ApiResponse(responseCode = "404", description = "No such key")
  public ResponseEntity<?> revoke(@PathVariable @Size(max = 36) String id) {
    return apiKeys.revoke(id)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblem.NOT_FOUND.detail(HttpStatus.NOT_FOUND,
            "There is no API key " + id + "."));
  }

  @ExceptionHandler(ApiKeys.NotAnApiClientException.class)
  ProblemDetail notAClient(ApiKeys.NotAnApiClientException e) {
    ProblemDetail problem = ApiProblem.INVALID_REQUEST.detail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", List.of(new ApiExceptionHandler.FieldError("client", e.getMessage())));
    return problem;
  }
}
