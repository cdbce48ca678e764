package io.rmaflow.api;

import io.rmaflow.contract.ContractPaymentService;
import io.rmaflow.contract.ContractQueryService;
import io.rmaflow.contract.ContractRegistration;
import io.rmaflow.contract.ContractRegistrationService;
import io.rmaflow.contract.ContractStatus;
import io.rmaflow.contract.ContractTermService;
import io.rmaflow.contract.Outage;
import io.rmaflow.contract.OutageService;
import io.rmaflow.report.ServiceReport;
import io.rmaflow.report.ServiceReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.YearMonth;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service contracts for the ERP and the payment gateway (contract: {@code /api/contracts}). */
@RestController
@RequestMapping(path = "/api/contracts", produces = "application/json")
@Validated
@Tag(name = "Service contracts",
    description = "Maintenance and support contracts: registration, payments, renewal, extension, outages, monthly reports")
@SecurityRequirement(name = "basic")
@ApiResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Not an API client", content = @Content(mediaType = "application/problem+json"))
public class ContractController {

  private final ContractRegistrationService registrations;
  private final ContractQueryService queries;
  private final ContractPaymentService payments;
  private final ContractTermService terms;
  private final OutageService outages;
  private final ServiceReportService reports;

  ContractController(ContractRegistrationService registrations, ContractQueryService queries, ContractPaymentService payments,
      ContractTermService terms, OutageService outages, ServiceReportService reports) {
    this.registrations = registrations;
    this.queries = queries;
    this.payments = payments;
    this.terms = terms;
    this.outages = outages;
    this.reports = reports;
  }

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Register a service contract",
      description = "Answers with the contract number. A new contract awaits its first payment; one with paidUntil, "
          + "moved over from a former system, is in service at once. Sent again with the same Idempotency-Key and body, it "
          + "answers with the same contract (200); the same key with another body is refused (409).",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.CONTRACT))))
  @ApiResponse(responseCode = "201", description = "Contract registered")
  @ApiResponse(responseCode = "200", description = "Repeated registration: the contract registered before")
  @ApiResponse(responseCode = "409", description = "A unit is covered by another open contract on some of the days, or the key "
      + "was used for another body", content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<ContractResource> register(
      @Parameter(description = "Makes retries safe: the same key and body register one contract")
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey,
      @Valid @RequestBody ContractRegistration registration) {
    ContractRegistrationService.Registration done = registrations.register(registration, idempotencyKey);
    return ResponseEntity.status(done.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/contracts/" + done.contractNumber()))
        .body(ContractResource.of(queries.get(done.contractNumber()), ContactDetails.forCaller()));
  }

  @GetMapping("/{contractNumber}")
  @Operation(summary = "Read a contract", description = "Status, term, units, service levels, balance with its periods, timeline.")
  @ApiResponse(responseCode = "404", description = "Unknown contract number", content = @Content(mediaType = "application/problem+json"))
  public ContractResource get(@PathVariable String contractNumber) {
    return ContractResource.of(queries.get(contractNumber), ContactDetails.forCaller());
  }

  @GetMapping
  @Operation(summary = "Search contracts", description = "Filters combine; newest first.")
  public ContractResource.Page search(
      @RequestParam(required = false) ContractStatus status,
      @RequestParam(required = false) @Size(max = 100) String serialNumber,
      @RequestParam(required = false) @Size(max = 254) String email,
      @RequestParam(defaultValue = "0") @Min(0) @Max(Requests.MAX_PAGE) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    ContactDetails contact = ContactDetails.forCaller();
    return new ContractResource.Page(
        queries.search(status, serialNumber, email, page, size).stream().map(found -> ContractResource.Summary.of(found, contact)).toList(),
        page, size, queries.count(status, serialNumber, email));
  }

  @PostMapping(path = "/{contractNumber}/payments", consumes = "application/json")
  @Operation(summary = "Payment gateway callback (ContractPaymentReceived)",
      description = "Exactly the balance due today, late fees included, in the contract's currency. The same reference again "
          + "counts once and answers 202 again. Finance audits every payment.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.CONTRACT_PAYMENT))))
  @ApiResponse(responseCode = "202", description = "Payment taken, or taken before under this reference")
  @ApiResponse(responseCode = "409", description = "Nothing is due now, or the contract has ended", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "422", description = "Wrong amount or currency", content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<Accepted> receivePayment(@PathVariable String contractNumber,
      @Valid @RequestBody Requests.PaymentNotice body) {
    queries.status(contractNumber);
    payments.receive(contractNumber, body.reference(), body.amount(), body.currency());
    return ResponseEntity.accepted().body(accepted(contractNumber));
  }

  @PostMapping(path = "/{contractNumber}/renewal", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Renew the contract, or let it end with its term",
      description = "renew: true opens the next term's first period, to be paid by the end of this term; false ends the "
          + "contract on its end date.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.RENEWAL))))
  @ApiResponse(responseCode = "409", description = "The contract is not active, or its renewal is already decided",
      content = @Content(mediaType = "application/problem+json"))
  public Accepted decideRenewal(@PathVariable String contractNumber, @Valid @RequestBody Requests.Renewal body) {
    queries.status(contractNumber);
    terms.decideRenewal(contractNumber, body.renew());
    return accepted(contractNumber);
  }

  @PostMapping(path = "/{contractNumber}/extension", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Ask to keep the service beyond the term in special circumstances",
      description = "A service manager decides (reviewExtension); approved, the service goes on until that day.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.EXTENSION))))
  @ApiResponse(responseCode = "409", description = "The contract is not active, or a request is already under review",
      content = @Content(mediaType = "application/problem+json"))
  public Accepted requestExtension(@PathVariable String contractNumber, @Valid @RequestBody Requests.Extension body) {
    queries.status(contractNumber);
    terms.requestExtension(contractNumber, body.reason(), body.until());
    return accepted(contractNumber);
  }

  @PostMapping(path = "/{contractNumber}/outages", consumes = "application/json")
  @Operation(summary = "Report an outage of a support contract's system",
      description = "The monthly report's availability counts the downtime in the month. Without endedAt the outage is "
          + "still going on; end it with POST .../outages/{id}/end.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.OUTAGE))))
  @ApiResponse(responseCode = "201", description = "Outage recorded")
  @ApiResponse(responseCode = "409", description = "Not a SUPPORT contract", content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<Outage> reportOutage(@PathVariable String contractNumber,
      @Valid @RequestBody Requests.OutageReport body) {
    Outage outage = outages.report(contractNumber, body.startedAt(), body.endedAt(), body.description());
    return ResponseEntity.created(URI.create("/api/contracts/" + contractNumber + "/outages/" + outage.id())).body(outage);
  }

  @PostMapping(path = "/{contractNumber}/outages/{id}/end")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "End an open outage", description = "At endedAt, or now without a body.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
          content = @Content(examples = @ExampleObject(value = Examples.OUTAGE_END))))
  @ApiResponse(responseCode = "404", description = "Unknown outage", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "Ended already, or not a SUPPORT contract",
      content = @Content(mediaType = "application/problem+json"))
  public Outage endOutage(@PathVariable String contractNumber, @PathVariable long id,
      @Valid @RequestBody(required = false) Requests.OutageEnd body) {
    return outages.end(contractNumber, id, body == null ? null : body.endedAt());
  }

  @GetMapping("/{contractNumber}/reports/{month}")
  @Operation(summary = "The monthly service report",
      description = "Cases, the shares answered and resolved within the contract's service levels, breaches, complaints "
          + "with their answer times and, for SUPPORT contracts, availability: the figures of the customer's e-mail.")
  @ApiResponse(responseCode = "404", description = "No report for that month", content = @Content(mediaType = "application/problem+json"))
  public ServiceReport report(@PathVariable String contractNumber,
      @Parameter(description = "yyyy-MM", example = "2026-11") @PathVariable YearMonth month) {
    return reports.find(contractNumber, month);
  }

  @PostMapping("/{contractNumber}/reports/{month}")
  @Operation(summary = "Make a past month's report again (administrators)",
      description = "Works out the figures again from what is recorded now and keeps them; the customer gets the report "
          + "only if it was never sent.")
  @ApiResponse(responseCode = "200", description = "The report as made now")
  @ApiResponse(responseCode = "404", description = "The contract did not serve in that month, or the month is not over",
      content = @Content(mediaType = "application/problem+json"))
  public ServiceReport produceReportAgain(@PathVariable String contractNumber,
      @Parameter(description = "yyyy-MM", example = "2026-11") @PathVariable YearMonth month) {
    return reports.produceAgain(contractNumber, month);
  }

  private Accepted accepted(String contractNumber) {
    return new Accepted(contractNumber, queries.status(contractNumber));
  }

  /** Answer to an event: taken, and where the contract stands now. */
  public record Accepted(String contractNumber, ContractStatus status) {}
}
