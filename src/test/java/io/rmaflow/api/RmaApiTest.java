package io.rmaflow.api;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.rmacase.CaseDocument;
import io.rmaflow.rmacase.CaseFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every call of the domain API, its successes and its refusals, over HTTP against the running app. */
@RmaSpringBootTest
class RmaApiTest {

  static final String PORTAL = "portal";
  static final LocalDate IN_WARRANTY = TestClock.today().minusMonths(2);

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile caseFile;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(http);
  }

  // --- POST /api/rmas -------------------------------------------------------------------

  @Test
  void aSubmissionAnswersCreatedWithTheRmaNumberAndItsLocation() {
    ResponseEntity<JsonNode> answer = api.post(PORTAL, "/api/rmas", application());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String rmaNumber = answer.getBody().path("rmaNumber").asText();
    assertThat(rmaNumber).matches("RMA-\\d{4}-\\d{6}");
    assertThat(answer.getHeaders().getLocation()).hasToString("/api/rmas/" + rmaNumber);
    assertThat(answer.getBody().path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rmaNumber).count()).isOne();
  }

  @Test
  void theCreatedAnswerIsTheCaseAsReadBeforeItsFirstStepRuns() {
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/rmas", application());

    JsonNode read = api.get(PORTAL, created.getHeaders().getLocation().toString()).getBody();
    assertThat(created.getBody()).isEqualTo(read);
    assertThat(read.path("deadlines").path("tasks")).isEmpty();
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheSameCaseAndAnotherBodyIsRefused() {
    Map<String, Object> application = application();
    Map<String, String> key = Map.of("Idempotency-Key", "portal-order-" + Applications.newSerial());

    ResponseEntity<JsonNode> first = api.postWithHeaders(PORTAL, "/api/rmas", application, key);
    ResponseEntity<JsonNode> again = api.postWithHeaders(PORTAL, "/api/rmas", application, key);
    ResponseEntity<JsonNode> other = api.postWithHeaders(PORTAL, "/api/rmas", application(), key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("rmaNumber")).isEqualTo(first.getBody().path("rmaNumber"));
    assertProblem(other, HttpStatus.CONFLICT, "idempotency-key-reused");
  }

  @Test
  void aSecondOpenRmaForTheSameSerialIsRefused() {
    Map<String, Object> application = application();
    api.post(PORTAL, "/api/rmas", application);

    ResponseEntity<JsonNode> second = api.post(PORTAL, "/api/rmas", application);

    assertProblem(second, HttpStatus.CONFLICT, "open-rma-exists");
    assertThat(second.getBody().path("detail").asText()).contains(serialOf(application));
  }

  @Test
  void invalidFieldsAreEachNamedAndNothingIsLeftBehind() {
    Map<String, Object> application = application();
    application.put("customer", Map.of("name", "", "email", "not-an-email", "locale", "fr",
        "address", Map.of("city", "Shanghai", "country", "China")));
    application.put("purchase", Map.of("channel", "OFFICIAL_STORE", "invoiceDate", TestClock.today().plusDays(2).toString()));
    application.put("fault", Map.of("description", "x".repeat(2001)));
    application.put("acknowledgements", Map.of("dataBackedUp", true, "passwordsRemoved", false));

    assertNothingLeftBehind(() -> {
      ResponseEntity<JsonNode> answer = api.post(PORTAL, "/api/rmas", application);
      assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-request");
      assertThat(fields(answer)).containsExactlyInAnyOrder("acknowledgements.passwordsRemoved", "customer.address.country",
          "customer.email", "customer.locale", "customer.name", "fault.description", "purchase.invoiceDate");
    });
  }

  @Test
  void anApplicationNamingAServiceContractMustBeCoveredByIt() {
    Map<String, Object> application = application();
    String serial = serialOf(application);
    String covering = contractFor(serial);
    String other = contractFor(Applications.newSerial());

    assertNothingLeftBehind(() -> {
      ResponseEntity<JsonNode> notCovered = api.post(PORTAL, "/api/rmas", withContract(application, other));
      assertProblem(notCovered, HttpStatus.BAD_REQUEST, "invalid-request");
      assertThat(fields(notCovered)).containsExactly("contractNumber");
      assertThat(notCovered.getBody().path("errors").get(0).path("message").asText()).contains(other, "does not cover", serial);
      assertThat(fields(api.post(PORTAL, "/api/rmas", withContract(application, "SC-1999-000000")))).containsExactly("contractNumber");
      assertThat(fields(api.post(PORTAL, "/api/rmas", withContract(application, "contract 7")))).containsExactly("contractNumber");
    });
    ResponseEntity<JsonNode> covered = api.post(PORTAL, "/api/rmas", withContract(application, covering));

    assertThat(covered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode entitlement = covered.getBody().path("entitlement");
    assertThat(entitlement.path("contractNumber").asText()).isEqualTo(covering);
    assertThat(entitlement.path("plan").asText()).isEqualTo("MAINTENANCE");
    assertThat(entitlement.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(entitlement.path("serviceLevels").path("responseWorkingHours").asInt()).isEqualTo(4);
    assertThat(covered.getBody().path("reworkOf").isNull()).isTrue();
  }

  @Test
  void aCaseWithoutContractOrEarlierCaseHasNeitherEntitlementNorRework() {
    JsonNode created = api.post(PORTAL, "/api/rmas", application()).getBody();

    assertThat(created.path("entitlement").isNull()).isTrue();
    assertThat(created.path("reworkOf").isNull()).isTrue();
  }

  @Test
  void theCaseLinksToTheCustomersPageAndTheServiceDeskCanSendANewLinkThatEndsTheOldOne() {
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/rmas", application());
    String rmaNumber = created.getBody().path("rmaNumber").asText();
    String page = created.getBody().path("links").path("customerPage").asText();
    assertThat(page).startsWith("http://localhost:8080/portal/rmas/" + rmaNumber + "?token=");
    assertThat(created.getBody().path("termsAccepted").isNull()).as("accepted on the shop's own pages").isTrue();
    assertThat(http.getForEntity(relative(page), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertProblem(api.post(null, "/api/rmas/{rma}/customer-link", null, rmaNumber), HttpStatus.UNAUTHORIZED, "unauthorized");
    ResponseEntity<JsonNode> renewed = api.post("desk", "/api/rmas/{rma}/customer-link", null, rmaNumber);

    assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String newPage = api.get(PORTAL, "/api/rmas/{rma}", rmaNumber).getBody().path("links").path("customerPage").asText();
    assertThat(newPage).isNotEqualTo(page);
    assertThat(http.getForEntity(relative(page), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity(relative(newPage), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get(PORTAL, "/api/rmas/{rma}", rmaNumber).getBody().path("timeline").findValuesAsText("detail"))
        .contains("CUSTOMER_LINK sent");
  }

  @Test
  void staffOpenTheDocumentsACustomerSentAsTheyWereChecked() {
    String rmaNumber = submitted();
    byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long id = caseFile.attach(rmaNumber, CaseDocument.Kind.PROOF_OF_PURCHASE, "invoice.pdf", "application/pdf", pdf).id();

    ResponseEntity<byte[]> document = http.withBasicAuth("desk", "desk")
        .getForEntity("/api/rmas/{rma}/documents/{id}", byte[].class, rmaNumber, id);

    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(document.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(document.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(document.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    assertThat(document.getBody()).isEqualTo(pdf);
    assertThat(http.withBasicAuth("desk", "desk").getForEntity("/api/rmas/{rma}/documents/{id}", String.class,
        rmaNumber, id + 1000).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/rmas/{rma}/documents/{id}", String.class, rmaNumber, id).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(PORTAL, PORTAL).getForEntity("/api/rmas/{rma}/documents/{id}", String.class,
        rmaNumber, id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static String relative(String absolute) {
    java.net.URI uri = java.net.URI.create(absolute);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    assertNothingLeftBehind(() -> {
      ResponseEntity<JsonNode> answer = api.post(PORTAL, "/api/rmas", Map.of("fault", Map.of("description", "Broken")));
      assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-request");
      assertThat(fields(answer)).contains("customer", "product", "purchase", "acknowledgements");
    });
  }

  @Test
  void malformedJsonWrongTypesAndUnknownValuesAreRefusedNamingTheField() {
    assertNothingLeftBehind(() -> {
      assertProblem(api.post(PORTAL, "/api/rmas", "{\"customer\": "), HttpStatus.BAD_REQUEST, "unreadable-request");

      Map<String, Object> unknownChannel = application();
      unknownChannel.put("purchase", Map.of("channel", "EBAY"));
      ResponseEntity<JsonNode> channel = api.post(PORTAL, "/api/rmas", unknownChannel);
      assertProblem(channel, HttpStatus.BAD_REQUEST, "invalid-request");
      assertThat(fields(channel)).containsExactly("purchase.channel");
      assertThat(channel.getBody().path("errors").get(0).path("message").asText()).contains("OFFICIAL_STORE");

      Map<String, Object> wrongDate = application();
      wrongDate.put("purchase", Map.of("channel", "OTHER", "invoiceDate", "yesterday"));
      ResponseEntity<JsonNode> date = api.post(PORTAL, "/api/rmas", wrongDate);
      assertThat(fields(date)).containsExactly("purchase.invoiceDate");
      assertThat(date.getBody().path("errors").get(0).path("message").asText()).contains("YYYY-MM-DD");

      Map<String, Object> wrongType = application();
      wrongType.put("keepReplacedParts", Map.of("yes", 1));
      assertThat(fields(api.post(PORTAL, "/api/rmas", wrongType))).containsExactly("keepReplacedParts");
    });
  }

  // --- GET /api/rmas/{rmaNumber} and search ----------------------------------------------

  @Test
  void aCaseShowsEveryFieldOfTheContractWithItsLiveDeadlines() {
    String rmaNumber = submitted();
    driver.runAsyncSteps(rmaNumber);
    driver.complete(rmaNumber, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    api.post(PORTAL, "/api/rmas/{rma}/shipments", Map.of("carrier", "SF Express", "trackingNumber", "SF123"), rmaNumber);

    JsonNode body = api.get("desk", "/api/rmas/{rma}", rmaNumber).getBody();

    assertThat(body.fieldNames()).toIterable().contains("rmaNumber", "status", "resolution", "createdAt", "customer",
        "product", "priority", "serviceType", "deadlines", "warranty", "quote", "shipments", "timeline");
    assertThat(body.path("status").asText()).isEqualTo("AWAITING_DEVICE");
    assertThat(java.time.OffsetDateTime.parse(body.path("deadlines").path("shipBy").asText()))
        .isEqualTo(offset(driver.timer(rmaNumber, Elements.SHIP_REMINDER_TIMER).getDuedate()));
    assertThat(java.time.OffsetDateTime.parse(body.path("deadlines").path("autoCloseAt").asText()))
        .isEqualTo(offset(driver.timer(rmaNumber, Elements.PARCEL_NOT_RECEIVED_TIMER).getDuedate()));
    assertThat(body.path("shipments").path("inbound").path("trackingNumber").asText()).isEqualTo("SF123");
    assertThat(body.path("shipments").has("return")).isTrue();
    assertThat(body.path("timeline").findValuesAsText("event")).contains("STATUS_CHANGED", "NOTICE", "DEVICE_SHIPPED");
  }

  @Test
  void anUnknownRmaNumberIsNotFound() {
    assertProblem(api.get(PORTAL, "/api/rmas/RMA-1999-000000"), HttpStatus.NOT_FOUND, "unknown-rma");
    assertProblem(api.post(PORTAL, "/api/rmas/RMA-1999-000000/arrival", Map.of("trackingNumber", "T")),
        HttpStatus.NOT_FOUND, "unknown-rma");
  }

  @Test
  void searchFiltersAndPages() {
    String email = "search-" + Applications.newSerial().toLowerCase() + "@example.com";
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      submitted.add(api.post(PORTAL, "/api/rmas", ApiClient.application(Applications.newSerial(), email, "OFFICIAL_STORE",
          IN_WARRANTY)).getBody().path("rmaNumber").asText());
    }

    JsonNode firstPage = api.get(PORTAL, "/api/rmas?email={email}&size=2", email.toUpperCase()).getBody();
    JsonNode secondPage = api.get(PORTAL, "/api/rmas?email={email}&size=2&page=1", email).getBody();
    JsonNode bySerialAndStatus = api.get(PORTAL, "/api/rmas?serialNumber={serial}&status=SUBMITTED",
        firstPage.path("items").get(0).path("serialNumber").asText()).getBody();

    assertThat(firstPage.path("totalItems").asLong()).isEqualTo(3);
    assertThat(firstPage.path("items").findValuesAsText("rmaNumber")).containsExactly(submitted.get(2), submitted.get(1));
    assertThat(secondPage.path("items").findValuesAsText("rmaNumber")).containsExactly(submitted.get(0));
    assertThat(bySerialAndStatus.path("items").findValuesAsText("rmaNumber")).containsExactly(submitted.get(2));
    assertThat(fields(api.get(PORTAL, "/api/rmas?status=LOST"))).containsExactly("status");
    assertThat(fields(api.get(PORTAL, "/api/rmas?size=500"))).containsExactly("size");
  }

  // --- events ---------------------------------------------------------------------------

  @Test
  void shipmentAndArrivalMoveTheCaseOnlyWhenItAwaitsTheDevice() {
    String rmaNumber = submitted();
    driver.runAsyncSteps(rmaNumber);

    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/shipments", Map.of("carrier", "SF", "trackingNumber", "1"), rmaNumber),
        HttpStatus.CONFLICT, "event-not-awaited");
    assertThat(fields(api.post(PORTAL, "/api/rmas/{rma}/shipments", Map.of("trackingNumber", "1"), rmaNumber)))
        .containsExactly("carrier");

    driver.complete(rmaNumber, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    ResponseEntity<JsonNode> shipped = api.post(PORTAL, "/api/rmas/{rma}/shipments",
        Map.of("carrier", "SF", "trackingNumber", "SF1"), rmaNumber);
    ResponseEntity<JsonNode> arrived = api.post(PORTAL, "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF1"), rmaNumber);

    assertThat(shipped.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(arrived.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(arrived.getBody().path("status").asText()).isEqualTo("IN_INSPECTION");
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF1"), rmaNumber),
        HttpStatus.CONFLICT, "event-not-awaited");
  }

  @Test
  void proofIsTakenOnlyWhenAskedFor() {
    String rmaNumber = inDiagnosis(ApiClient.application(Applications.newSerial(), "p@example.com", "OFFICIAL_STORE", null));
    Map<String, Object> proof = Map.of("invoiceNumber", "INV-9", "invoiceDate", IN_WARRANTY.toString());
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/proof", proof, rmaNumber), HttpStatus.CONFLICT, "event-not-awaited");

    diagnose(rmaNumber, "MANUFACTURING_DEFECT", false);
    assertThat(fields(api.post(PORTAL, "/api/rmas/{rma}/proof",
        Map.of("invoiceNumber", "INV-9", "invoiceDate", TestClock.today().plusDays(1).toString()), rmaNumber)))
        .containsExactly("invoiceDate");
    ResponseEntity<JsonNode> taken = api.post(PORTAL, "/api/rmas/{rma}/proof", proof, rmaNumber);

    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(driver.task(rmaNumber, VERIFY_PROOF)).isNotNull();
  }

  @Test
  void aQuoteCanBeAcceptedOrDeclinedWhileItIsOpen() {
    String rmaNumber = quoted();
    assertThat(api.post(PORTAL, "/api/rmas/{rma}/quote/decision", Map.of("accepted", true), rmaNumber).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(fields(api.post(PORTAL, "/api/rmas/{rma}/quote/decision", Map.of(), rmaNumber))).containsExactly("accepted");

    ResponseEntity<JsonNode> declined = api.post(PORTAL, "/api/rmas/{rma}/quote/decision", Map.of("accepted", false), rmaNumber);
    driver.runAsyncSteps(rmaNumber);

    assertThat(declined.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(declined.getBody().path("status").asText()).isEqualTo("AWAITING_RETURN_SHIPMENT");
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/quote/decision", Map.of("accepted", false), rmaNumber),
        HttpStatus.CONFLICT, "event-not-awaited");
  }

  @Test
  void aPaymentMustMatchTheQuoteAndCountsOncePerReference() {
    String rmaNumber = quoted();
    String gross = api.get(PORTAL, "/api/rmas/{rma}", rmaNumber).getBody().path("quote").path("gross").asText();

    ResponseEntity<JsonNode> wrongAmount = api.post(PORTAL, "/api/rmas/{rma}/payments",
        Map.of("reference", "PAY-W", "amount", "1.00", "currency", "CNY"), rmaNumber);
    ResponseEntity<JsonNode> wrongCurrency = api.post(PORTAL, "/api/rmas/{rma}/payments",
        Map.of("reference", "PAY-W", "amount", gross, "currency", "EUR"), rmaNumber);
    assertProblem(wrongAmount, HttpStatus.UNPROCESSABLE_ENTITY, "payment-mismatch");
    assertThat(fields(wrongAmount)).containsExactly("amount");
    assertThat(fields(wrongCurrency)).containsExactly("currency");
    assertThat(fields(api.post(PORTAL, "/api/rmas/{rma}/payments",
        Map.of("reference", "PAY-W", "amount", "-5", "currency", "cny"), rmaNumber))).containsExactly("amount", "currency");

    String reference = "PAY-" + rmaNumber;
    Map<String, Object> payment = Map.of("reference", reference, "amount", gross, "currency", "CNY");
    ResponseEntity<JsonNode> paid = api.post(PORTAL, "/api/rmas/{rma}/payments", payment, rmaNumber);
    ResponseEntity<JsonNode> repeated = api.post(PORTAL, "/api/rmas/{rma}/payments", payment, rmaNumber);
    ResponseEntity<JsonNode> another = api.post(PORTAL, "/api/rmas/{rma}/payments",
        Map.of("reference", reference + "-2", "amount", gross, "currency", "CNY"), rmaNumber);

    assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertProblem(another, HttpStatus.CONFLICT, "event-not-awaited");
    assertThat(another.getBody().path("detail").asText()).contains("already paid", reference);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE rma_number = ?").param(rmaNumber).query(Long.class).single()).isOne();
    assertThat(api.get(PORTAL, "/api/rmas/{rma}", rmaNumber).getBody().path("payment").path("reference").asText())
        .isEqualTo(reference);
  }

  @Test
  void aPaymentWithoutAnOpenQuoteIsRefused() {
    String rmaNumber = submitted();
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/payments", Map.of("reference", "PAY-N", "amount", "10", "currency", "CNY"),
        rmaNumber), HttpStatus.CONFLICT, "event-not-awaited");
  }

  @Test
  void complaintsCancellationAndFeedbackFollowTheCase() {
    String rmaNumber = submitted();
    driver.runAsyncSteps(rmaNumber);

    assertThat(fields(api.post(PORTAL, "/api/rmas/{rma}/complaints", Map.of("text", " "), rmaNumber))).containsExactly("text");
    assertThat(api.post(PORTAL, "/api/rmas/{rma}/complaints", Map.of("text", "No call back"), rmaNumber).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/feedback", Map.of("rating", 4), rmaNumber),
        HttpStatus.CONFLICT, "event-not-awaited");

    assertThat(api.post(PORTAL, "/api/rmas/{rma}/cancellation", Map.of("reason", "Works again"), rmaNumber).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsyncSteps(rmaNumber);
    JsonNode closed = api.get(PORTAL, "/api/rmas/{rma}", rmaNumber).getBody();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("resolution").asText()).isEqualTo("CANCELLED");

    assertThat(fields(api.post(PORTAL, "/api/rmas/{rma}/feedback", Map.of("rating", 6), rmaNumber))).containsExactly("rating");
    assertThat(api.post(PORTAL, "/api/rmas/{rma}/feedback", Map.of("rating", 5, "comment", "Quick " + "!".repeat(1994)),
        rmaNumber).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/complaints", Map.of("text", "Again"), rmaNumber),
        HttpStatus.CONFLICT, "event-not-awaited");
    assertProblem(api.post(PORTAL, "/api/rmas/{rma}/cancellation", Map.of("reason", "Again"), rmaNumber),
        HttpStatus.CONFLICT, "event-not-awaited");
  }

  @Test
  void aCancellationAfterArrivalIsRefused() {
    String rmaNumber = inDiagnosis(application());
    ResponseEntity<JsonNode> answer = api.post(PORTAL, "/api/rmas/{rma}/cancellation", Map.of("reason", "Too slow"), rmaNumber);
    assertProblem(answer, HttpStatus.CONFLICT, "event-not-awaited");
    assertThat(answer.getBody().path("detail").asText()).contains("parcel has arrived");
  }

  // --- products ---------------------------------------------------------------------------

  @Test
  void anErpRegistersAndUpdatesSoldUnits() {
    String serial = Applications.newSerial();
    Map<String, Object> unit = new HashMap<>(Map.of("model", "X900", "category", "DEVICE", "shippedOn", "2026-01-15",
        "channel", "OFFICIAL_STORE"));

    ResponseEntity<JsonNode> created = api.put(PORTAL, "/api/products/{serial}", unit, serial);
    unit.put("category", "BATTERY");
    ResponseEntity<JsonNode> updated = api.put(PORTAL, "/api/products/{serial}", unit, serial);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/products/" + serial);
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("tech", "/api/products/{serial}", serial).getBody().path("category").asText()).isEqualTo("BATTERY");
    assertProblem(api.get(PORTAL, "/api/products/SN-NEVER-SOLD"), HttpStatus.NOT_FOUND, "unknown-product");
    unit.put("category", "GADGET");
    assertThat(fields(api.put(PORTAL, "/api/products/{serial}", unit, serial))).containsExactly("category");
    assertThat(fields(api.put(PORTAL, "/api/products/{serial}", Map.of("category", "DEVICE"), serial)))
        .containsExactly("channel", "model");
  }

  // --- security ---------------------------------------------------------------------------

  @Test
  void everyCallNeedsCredentialsAndOnlyApiClientsMayChangeCases() {
    String rmaNumber = submitted();
    assertProblem(api.get(null, "/api/rmas/{rma}", rmaNumber), HttpStatus.UNAUTHORIZED, "unauthorized");
    assertProblem(api.post(null, "/api/rmas", application()), HttpStatus.UNAUTHORIZED, "unauthorized");
    assertProblem(api.get("nobody", "/api/products/X"), HttpStatus.UNAUTHORIZED, "unauthorized");
    assertThat(api.get(null, "/api/rmas").getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

    assertThat(api.get("dock", "/api/rmas/{rma}", rmaNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("owner", "/api/rmas", rmaNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertProblem(api.post("desk", "/api/rmas", application()), HttpStatus.FORBIDDEN, "forbidden");
    assertProblem(api.post("admin", "/api/rmas/{rma}/complaints", Map.of("text", "x"), rmaNumber), HttpStatus.FORBIDDEN, "forbidden");
    assertProblem(api.put("tech", "/api/products/X", Map.of("model", "X")), HttpStatus.FORBIDDEN, "forbidden");
  }

  @Test
  void theApiIsDescribedByOpenApiWithExamples() {
    ResponseEntity<JsonNode> description = api.get(null, "/v3/api-docs");

    assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode paths = description.getBody().path("paths");
    assertThat(paths.fieldNames()).toIterable().contains("/api/rmas", "/api/rmas/{rmaNumber}", "/api/rmas/{rmaNumber}/shipments",
        "/api/rmas/{rmaNumber}/arrival", "/api/rmas/{rmaNumber}/proof", "/api/rmas/{rmaNumber}/quote/decision",
        "/api/rmas/{rmaNumber}/payments", "/api/rmas/{rmaNumber}/complaints", "/api/rmas/{rmaNumber}/cancellation",
        "/api/rmas/{rmaNumber}/feedback", "/api/products/{serialNumber}");
    assertThat(paths.path("/api/rmas").path("post").path("requestBody").toString()).contains("Li Wei", "SN-X200-0001");
  }

  // --- helpers ----------------------------------------------------------------------------

  private Map<String, Object> application() {
    return ApiClient.application(Applications.newSerial(), "li.wei@example.com", "OFFICIAL_STORE", IN_WARRANTY);
  }

  private String submitted() {
    return api.post(PORTAL, "/api/rmas", application()).getBody().path("rmaNumber").asText();
  }

  private String inDiagnosis(Map<String, Object> application) {
    String rmaNumber = api.post(PORTAL, "/api/rmas", application).getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rmaNumber);
    driver.complete(rmaNumber, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    api.post(PORTAL, "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF1"), rmaNumber);
    driver.complete(rmaNumber, INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    return rmaNumber;
  }

  private String quoted() {
    String rmaNumber = inDiagnosis(application());
    diagnose(rmaNumber, "LIQUID_DAMAGE", true);
    return rmaNumber;
  }

  private void diagnose(String rmaNumber, String cause, boolean proofValid) {
    driver.complete(rmaNumber, DIAGNOSE_FAULT, Map.of("faultCause", cause, "proofOfPurchaseValid", proofValid,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50.5));
  }

  private void assertNothingLeftBehind(Runnable calls) {
    long cases = jdbc.sql("SELECT COUNT(*) FROM rma_case").query(Long.class).single();
    long instances = runtimeService.createProcessInstanceQuery().count();
    calls.run();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_case").query(Long.class).single()).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
    assertThat(answer.getStatusCode()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("type").asText()).isEqualTo("https://rmaflow.io/problems/" + type);
    assertThat(answer.getBody().path("status").asInt()).isEqualTo(status.value());
    assertThat(answer.getBody().path("title").asText()).isNotBlank();
    assertThat(answer.getBody().path("detail").asText()).isNotBlank();
  }

  static List<String> fields(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode().is4xxClientError()).as("%s", answer.getBody()).isTrue();
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    return answer.getBody().path("errors").findValuesAsText("field");
  }

  /** A maintenance contract moved over, paid to the end of this month, covering the unit; the centre's service levels. */
  private String contractFor(String serial) {
    LocalDate start = TestClock.today().withDayOfMonth(1);
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/contracts", Map.of(
        "customer", Map.of("name", "Li Wei", "email", "li.wei@example.com", "locale", "zh",
            "address", Map.of("city", "Shanghai", "country", "CN")),
        "plan", "MAINTENANCE", "units", List.of(serial), "startsOn", start.toString(),
        "endsOn", start.plusYears(1).minusDays(1).toString(), "billing", "MONTHLY",
        "fee", Map.of("amount", "100.00", "currency", "CNY"), "paidUntil", start.plusMonths(1).minusDays(1).toString()));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().path("contractNumber").asText();
  }

  private static Map<String, Object> withContract(Map<String, Object> application, String contractNumber) {
    Map<String, Object> named = new HashMap<>(application);
    named.put("contractNumber", contractNumber);
    return named;
  }

  private static String serialOf(Map<String, Object> application) {
    @SuppressWarnings("unchecked")
    Map<String, Object> product = (Map<String, Object>) application.get("product");
    return (String) product.get("serialNumber");
  }

  /** Compared as values: the text of a moment on the full minute leaves out its seconds. */
  private static java.time.OffsetDateTime offset(java.util.Date date) {
    return date.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
  }
}
