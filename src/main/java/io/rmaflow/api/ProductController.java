package io.rmaflow.api;

import io.rmaflow.product.ProductRegistry;
import io.rmaflow.product.ProductUnit;
import io.rmaflow.product.UnknownProductException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The product registry for ERPs: units sold, the warranty's basis without a valid invoice. */
@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
@Validated
@Tag(name = "Products", description = "Registry of sold units")
@SecurityRequirement(name = "basic")
public class ProductController {

  private final ProductRegistry registry;

  ProductController(ProductRegistry registry) {
    this.registry = registry;
  }

  @PutMapping(path = "/{serialNumber}", consumes = "application/json")
  @Operation(summary = "Register or update a sold unit",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.PRODUCT))))
  @ApiResponse(responseCode = "201", description = "Registered")
  @ApiResponse(responseCode = "200", description = "Updated")
  @ApiResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<ProductUnit> register(
      @PathVariable @Pattern(regexp = Requests.SERIAL_NUMBER, message = "must be letters, digits and . _ / - "
          + "(at most 100, no spaces)") String serialNumber,
      @Valid @RequestBody Requests.ProductRegistration body) {
    ProductUnit unit = new ProductUnit(serialNumber, body.model(), body.category(), body.shippedOn(), body.channel());
    boolean created = registry.register(unit);
    return created
        ? ResponseEntity.created(UriComponentsBuilder.fromPath("/api/products/{serial}").build(serialNumber)).body(unit)
        : ResponseEntity.ok(unit);
  }

  @GetMapping("/{serialNumber}")
  @Operation(summary = "Read a registered unit")
  @ApiResponse(responseCode = "404", description = "Not registered", content = @Content(mediaType = "application/problem+json"))
  public ProductUnit get(@PathVariable String serialNumber) {
    return registry.find(serialNumber).orElseThrow(() -> new UnknownProductException(serialNumber));
  }
}
