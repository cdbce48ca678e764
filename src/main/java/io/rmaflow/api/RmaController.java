package io.rmaflow.api;

import io.rmaflow.access.CustomerLinks;
import io.rmaflow.cancellation.CancellationService;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.feedback.FeedbackService;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.intake.Submission;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.repair.PaymentService;
import io.rmaflow.repair.QuoteService;
import io.rmaflow.rmacase.CaseDetails;
import io.rmaflow.rmacase.CaseDocument;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseQueryService;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.shipping.ShipInService;
import io.rmaflow.warranty.WarrantyService;
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
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.server.ResponseStatusException;

/** Repair cases for shop portals, carriers and payment gateways (contract: {@code /api/rmas}). */
@RestController
@RequestMapping(path = "/api/rmas", produces = "application/json")
@Validated
@Tag(name = "RMAs", description = "Repair applications and the events of their cases")
@SecurityRequirement(name = "basic")
@ApiResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Not an API client", content = @Content(mediaType = "application/problem+json"))
public class RmaController {

  private final SubmitRmaService submitRmaService;
  private final CaseQueryService caseQueries;
  private final ShipInService shipIn;
  private final WarrantyService warranty;
  private final QuoteService quotes;
  private final PaymentService payments;
  private final ComplaintService complaints;
  private final CancellationService cancellations;
  private final FeedbackService feedback;
  private final CustomerLinks links;
  private final NotificationService notifications;
  private final CaseFile caseFile;

  RmaController(SubmitRmaService submitRmaService, CaseQueryService caseQueries, ShipInService shipIn,
      WarrantyService warranty, QuoteService quotes, PaymentService payments, ComplaintService complaints,
      CancellationService cancellations, FeedbackService feedback, CustomerLinks links,
      NotificationService notifications, CaseFile caseFile) {
    this.links = links;
    this.notifications = notifications;
    this.caseFile = caseFile;
    this.submitRmaService = submitRmaService;
    this.caseQueries = caseQueries;
    this.shipIn = shipIn;
    this.warranty = warranty;
    this.quotes = quotes;
    this.payments = payments;
    this.complaints = complaints;
    this.cancellations = cancellations;
    this.feedback = feedback;
  }

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Submit a repair application",
      description = "Starts the case and answers with its RMA number. The case finds the service contract covering its "
          + "serial number today (or the one named in contractNumber, which must list the serial: else 400) and, when "
          + "the unit's previous case closed repaired or replaced within the rework warranty, names it in reworkOf. "
          + "Sent again with the same Idempotency-Key and body, it answers with the same case (200); the same key with "
          + "another body is refused (409).",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.APPLICATION))))
  @ApiResponse(responseCode = "201", description = "Case created")
  @ApiResponse(responseCode = "200", description = "Repeated submission: the case created before")
  @ApiResponse(responseCode = "409", description = "An RMA for this serial is open, or the key was used for another body",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<CaseResource> submit(
      @Parameter(description = "Makes retries safe: the same key and body create one case")
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey,
      @Valid @RequestBody RmaApplication application) {
    Submission submission = submitRmaService.submit(application, idempotencyKey);
    return ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/rmas/" + submission.rmaNumber()))
        .body(resource(submission.created()
            ? caseQueries.justFiled(submission.rmaNumber()) : caseQueries.get(submission.rmaNumber())));
  }

  @GetMapping("/{rmaNumber}")
  @Operation(summary = "Read a case", description = "Status, resolution, deadlines, warranty decision, quote, shipments and timeline.")
  @ApiResponse(responseCode = "404", description = "Unknown RMA number", content = @Content(mediaType = "application/problem+json"))
  public CaseResource get(@PathVariable String rmaNumber) {
    return resource(caseQueries.get(rmaNumber));
  }

  @GetMapping
  @Operation(summary = "Search cases", description = "Filters combine; newest first.")
  public CaseSummary.Page search(
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) @Size(max = 100) String serialNumber,
      @RequestParam(required = false) @Size(max = 254) String email,
      @RequestParam(defaultValue = "0") @Min(0) @Max(Requests.MAX_PAGE) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    ContactDetails contact = ContactDetails.forCaller();
    return new CaseSummary.Page(
        caseQueries.search(status, serialNumber, email, page, size).stream()
            .map(found -> CaseSummary.of(found, contact)).toList(),
        page, size, caseQueries.count(status, serialNumber, email));
  }

  @PostMapping(path = "/{rmaNumber}/shipments", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Report the device sent (DeviceShipped)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.SHIPMENT))))
  @ApiResponse(responseCode = "409", description = "The case is not waiting for a device", content = @Content(mediaType = "application/problem+json"))
  public Accepted reportShipment(@PathVariable String rmaNumber, @Valid @RequestBody Requests.ShipmentReport body) {
    return event(rmaNumber, () -> shipIn.reportShipment(rmaNumber, body.carrier(), body.trackingNumber()));
  }

  @PostMapping(path = "/{rmaNumber}/arrival", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Report the parcel arrived at the dock (ParcelArrived)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.ARRIVAL))))
  @ApiResponse(responseCode = "409", description = "No parcel is awaited", content = @Content(mediaType = "application/problem+json"))
  public Accepted reportArrival(@PathVariable String rmaNumber, @Valid @RequestBody Requests.ArrivalReport body) {
    return event(rmaNumber, () -> shipIn.reportArrival(rmaNumber, body.trackingNumber()));
  }

  @PostMapping(path = "/{rmaNumber}/proof", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send proof of purchase (ProofSubmitted)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.PROOF))))
  @ApiResponse(responseCode = "409", description = "No proof was asked for", content = @Content(mediaType = "application/problem+json"))
  public Accepted submitProof(@PathVariable String rmaNumber, @Valid @RequestBody Requests.ProofOfPurchase body) {
    return event(rmaNumber,
        () -> warranty.submitProof(rmaNumber, body.invoiceNumber(), body.invoiceDate(), body.deliveryDate()));
  }

  @PostMapping(path = "/{rmaNumber}/quote/decision", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Accept or decline the quote (declining sends QuoteDeclined)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.QUOTE_DECISION))))
  @ApiResponse(responseCode = "409", description = "No open quote", content = @Content(mediaType = "application/problem+json"))
  public Accepted decideQuote(@PathVariable String rmaNumber, @Valid @RequestBody Requests.QuoteDecision body) {
    return event(rmaNumber, () -> {
      if (body.accepted()) {
        quotes.accept(rmaNumber);
      } else {
        quotes.decline(rmaNumber);
      }
    });
  }

  @PostMapping(path = "/{rmaNumber}/payments", consumes = "application/json")
  @Operation(summary = "Payment gateway callback (PaymentReceived)",
      description = "The quote's gross amount in its currency. The same reference again counts once and answers 202 again.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.PAYMENT))))
  @ApiResponse(responseCode = "202", description = "Payment taken, or taken before under this reference")
  @ApiResponse(responseCode = "409", description = "No open quote (declined, already paid or past its deadline)", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "422", description = "Wrong amount or currency", content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<Accepted> receivePayment(@PathVariable String rmaNumber, @Valid @RequestBody Requests.PaymentNotice body) {
    return ResponseEntity.accepted()
        .body(event(rmaNumber, () -> payments.receive(rmaNumber, body.reference(), body.amount(), body.currency())));
  }

  @PostMapping(path = "/{rmaNumber}/complaints", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "File a complaint (ComplaintFiled)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.COMPLAINT))))
  @ApiResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = "application/problem+json"))
  public Accepted fileComplaint(@PathVariable String rmaNumber, @Valid @RequestBody Requests.Complaint body) {
    return event(rmaNumber, () -> complaints.file(rmaNumber, body.text()));
  }

  @PostMapping(path = "/{rmaNumber}/cancellation", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Cancel the application (CancellationRequested)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.CANCELLATION))))
  @ApiResponse(responseCode = "409", description = "The parcel has arrived, or the case is closed", content = @Content(mediaType = "application/problem+json"))
  public Accepted cancel(@PathVariable String rmaNumber, @Valid @RequestBody Requests.Cancellation body) {
    return event(rmaNumber, () -> cancellations.cancel(rmaNumber, body.reason()));
  }

  @PostMapping(path = "/{rmaNumber}/feedback", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Rate a closed case",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = Examples.FEEDBACK))))
  @ApiResponse(responseCode = "409", description = "The case is still open", content = @Content(mediaType = "application/problem+json"))
  public Accepted giveFeedback(@PathVariable String rmaNumber, @Valid @RequestBody Requests.Feedback body) {
    return event(rmaNumber, () -> feedback.give(rmaNumber, body.rating(), body.comment()));
  }

  @PostMapping("/{rmaNumber}/customer-link")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send the customer a new link to their case page",
      description = "For a customer who lost the link or fears someone else has it: the link before stops opening the page; "
          + "the customer gets the new one by e-mail. The service desk (staff) and API clients may ask for it.")
  public Accepted renewCustomerLink(@PathVariable String rmaNumber) {
    return event(rmaNumber, () -> notifications.renewCustomerLink(rmaNumber));
  }

  @GetMapping(path = "/{rmaNumber}/documents/{id}", produces = MediaType.ALL_VALUE)
  @Operation(summary = "A document the customer sent with the case",
      description = "Such as the scan of an invoice sent as proof of purchase: the file as it was checked on upload "
          + "(PDF, JPEG or PNG), shown in place. For staff only; API clients are refused (403).")
  @ApiResponse(responseCode = "404", description = "No such document of the case",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> document(@PathVariable String rmaNumber, @PathVariable long id) {
    caseQueries.status(rmaNumber);
    CaseDocument document = caseFile.document(rmaNumber, id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "RMA " + rmaNumber + " has no document " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        // What a customer sent is shown, never run: no script, no plugin, not sniffed as anything else.
        .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; object-src 'none'; sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .body(document.data());
  }

  private CaseResource resource(CaseDetails details) {
    return CaseResource.of(details, links.pageUrl(details.rmaCase().rmaNumber()).map(URI::toString).orElse(null),
        ContactDetails.forCaller());
  }

  /**
   * An event for a case: an unknown RMA number is 404 before anything is tried; the answer
   * is where the case stands once the event took effect.
   */
  private Accepted event(String rmaNumber, Runnable delivery) {
    caseQueries.status(rmaNumber);
    delivery.run();
    return new Accepted(rmaNumber, caseQueries.status(rmaNumber));
  }

  /** Answer to an event: taken, and where the case stands now. */
  public record Accepted(String rmaNumber, CaseStatus status) {}
}
