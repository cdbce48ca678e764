package io.rmaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.api.ApiClient;
import io.rmaflow.browser.TasklistPage.TaskCard;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.warranty.ProofScan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Staff at work in the real Tasklist, in headless Chromium: cases come in through the domain
 * API, staff claim and complete their tasks in Camunda Forms, and the engine moves the case on.
 * The job executor is off in tests, so the async steps after a form run explicitly.
 */
@RmaSpringBootTest
class TasklistBrowserIT {

  @RegisterExtension static final Browser browser = new Browser();

  static final String PORTAL = "portal";
  /** Tasklist's long date format in its tooltips, such as "Monday, 23 November 2026 09:00". */
  static final DateTimeFormatter TOOLTIP_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm", Locale.ENGLISH);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired TaskService taskService;
  @Autowired io.rmaflow.rmacase.CaseFile caseFile;
  @Autowired io.rmaflow.warranty.WarrantyService warranty;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(http);
  }

  @Test
  void aReceivingClerkInspectsAParcelInTasklistWhereAnEmptyRequiredFieldIsRefused() {
    String rma = caseAtInspection("MEDIUM", "Inspect Parcel Customer");
    Task inspection = driver.task(rma, UserTask.INSPECT_PARCEL);

    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "dock");
    assertThat(tasklist.filterNames()).containsExactly("Receiving dock", "My tasks");
    assertThat(tasklist.activeFilter()).isEqualTo("Receiving dock");
    assertThat(tasklist.task(rma).variables()).containsEntry("Customer", "Inspect Parcel Customer");
    assertThat(tasklist.tasks()).extracting(TaskCard::name).containsOnly("Inspect parcel");

    TaskForm form = tasklist.open(rma).claim();
    assertThat(form.text()).contains(rma, "Inspect Parcel Customer", "scanned SF-" + rma);
    form.check("Serial number matches the application").complete();
    assertThat(form.errorOf("Parcel condition")).isEqualTo("Field is required.");
    browser.screenshot("1-required-field-refused");
    assertThat(taskService.createTaskQuery().taskId(inspection.getId()).singleResult())
        .as("the inspection stays open and claimed").isNotNull()
        .extracting(Task::getAssignee).isEqualTo("dock");

    form.select("Parcel condition", "Intact").complete();
    awaitCompleted(inspection);
    driver.runAsyncSteps(rma);

    assertThat(driver.task(rma, UserTask.DIAGNOSE_FAULT)).isNotNull();
    assertThat(caseOf(rma).path("status").asText()).isEqualTo("IN_DIAGNOSIS");
    browser.waitUntil("the inspection gone from the list",
        () -> tasklist.tasks().stream().noneMatch(card -> rma.equals(card.variables().get("RMA"))));
    browser.screenshot("2-completed");
  }

  @Test
  void aTechnicianDiagnosesInTasklistAndTheRepairFormShowsTheWarrantyDecision() {
    String rma = caseAtInspection("MEDIUM", "Diagnose Fault Customer");
    driver.complete(rma, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    Task diagnosis = driver.task(rma, UserTask.DIAGNOSE_FAULT);

    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "tech");
    assertThat(tasklist.filterNames()).containsExactly("Technicians", "My tasks");
    TaskForm form = tasklist.open(rma).claim();
    // The warranty decision's inputs: the invoice and the product registry.
    assertThat(form.text()).contains("Purchase:", "INV-88", "Product registry:");
    form.select("Fault cause", "Manufacturing defect")
        .check("Proof of purchase is valid")
        .select("Repair method", "Part replacement")
        .type("Parts cost", "-5")
        .type("Labour cost", "50.5");
    assertThat(form.errorOf("Parts cost")).isEqualTo("Field must have minimum value of 0.");
    assertThat(form.completable()).as("Complete held back while a cost is negative").isFalse();
    browser.screenshot("1-negative-cost-refused");
    assertThat(taskService.createTaskQuery().taskId(diagnosis.getId()).count()).isOne();

    form.type("Parts cost", "100");
    browser.waitUntil("Complete enabled again", form::completable);
    form.complete();
    awaitCompleted(diagnosis);
    driver.runAsyncSteps(rma);

    JsonNode warranty = caseOf(rma).path("warranty");
    assertThat(warranty.path("coverage").asText()).isEqualTo("FREE");
    tasklist.refresh();
    TaskForm repair = tasklist.open(rma);
    assertThat(tasklist.task(rma).name()).isEqualTo("Repair device");
    assertThat(repair.text()).contains("Warranty decision: FREE",
        "Warranty from " + warranty.path("warrantyStart").asText() + " to " + warranty.path("warrantyEnd").asText(),
        "Diagnosis: MANUFACTURING_DEFECT");
    browser.screenshot("2-repair-form-with-warranty-decision");
  }

  @Test
  void financeAuditsAContractPaymentAndIssuesItsInvoiceInTasklist() {
    // A year of support from today, 1200.00 net: 1356.00 with tax, due at once.
    Map<String, Object> registration = Map.of(
        "customer", Map.of("name", "Audit Contract Customer", "email", "it@example.com", "locale", "en",
            "address", Map.of("city", "Beijing", "country", "CN")),
        "plan", "SUPPORT", "system", "Order desk", "units", List.of(),
        "startsOn", TestClock.today().toString(), "endsOn", TestClock.today().plusYears(1).minusDays(1).toString(),
        "billing", "ANNUAL", "fee", Map.of("amount", "1200.00", "currency", "CNY"));
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/contracts", registration);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String contract = created.getBody().path("contractNumber").asText();
    driver.runAsyncSteps(contract);
    assertThat(api.post(PORTAL, "/api/contracts/{n}/payments",
        Map.of("reference", "PAY-" + contract, "amount", "1356.00", "currency", "CNY"), contract).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsyncSteps(contract);
    Task audit = driver.task(contract, ContractProcess.UserTask.AUDIT_CONTRACT_PAYMENT);

    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "finance");
    assertThat(tasklist.filterNames()).containsExactly("Finance", "My tasks");
    assertThat(tasklist.task(contract).variables()).containsEntry("Customer", "Audit Contract Customer");
    TaskForm form = tasklist.open(contract).claim();
    assertThat(form.text()).contains(contract, "1356.00 CNY", "PAY-" + contract);
    browser.screenshot("1-contract-payment-audit");
    form.check("Payment approved").type("Audit note (the reason, when refused; the customer reads it)",
        "Received on the centre's account").complete();
    awaitCompleted(audit);
    driver.runAsyncSteps(contract);

    assertThat(api.get(PORTAL, "/api/contracts/{n}", contract).getBody().path("status").asText()).isEqualTo("ACTIVE");
    Task invoicing = driver.task(contract, ContractProcess.UserTask.ISSUE_CONTRACT_INVOICE);
    tasklist.refresh();
    TaskForm invoice = tasklist.open(contract).claim();
    assertThat(invoice.text()).contains("Approved payment", "1356.00 CNY");
    invoice.type("VAT invoice number", "VAT-C-" + contract).complete();
    awaitCompleted(invoicing);
    driver.runAsyncSteps(contract);
    browser.screenshot("2-contract-invoice-issued");

    assertThat(api.get(PORTAL, "/api/contracts/{n}", contract).getBody().path("timeline").findValuesAsText("detail"))
        .anySatisfy(detail -> assertThat(detail).startsWith("VAT-C-" + contract));
  }

  @Test
  void aReworksRepairFormShowsWhatTheEarlierCaseFoundAndDid() {
    String earlier = caseAtInspection("MEDIUM", "Rework Customer");
    driver.complete(earlier, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(earlier, UserTask.DIAGNOSE_FAULT, Map.of("faultCause", "MANUFACTURING_DEFECT",
        "proofOfPurchaseValid", true, "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "tech");
    assertThat(tasklist.open(earlier).text()).as("an ordinary case's form").doesNotContain("Rework of an earlier case");
    driver.complete(earlier, UserTask.REPAIR_DEVICE, Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "LCD-X200"));
    driver.complete(earlier, UserTask.QUALITY_CHECK, Map.of("qualityPassed", true));
    driver.complete(earlier, UserTask.SHIP_DEVICE, Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-" + earlier));
    String serial = api.get(PORTAL, "/api/rmas/{rma}", earlier).getBody().path("product").path("serialNumber").asText();

    // Back two days later, the same unit: a rework.
    Map<String, Object> application = ApiClient.application(serial, "customer@example.com", "OFFICIAL_STORE",
        TestClock.today().minusMonths(2));
    String rework = api.post(PORTAL, "/api/rmas", application).getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rework);
    driver.complete(rework, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    api.post(PORTAL, "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF-" + rework), rework);
    driver.runAsyncSteps(rework);
    driver.complete(rework, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(rework, UserTask.DIAGNOSE_FAULT, Map.of("faultCause", "MANUFACTURING_DEFECT",
        "proofOfPurchaseValid", true, "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));

    // A fresh list: the view of the earlier task, completed meanwhile, says it was removed.
    tasklist.openHash("#/");
    TaskForm form = tasklist.open(rework);
    assertThat(form.text()).contains("Rework of an earlier case:", earlier, "closed REPAIRED",
        "diagnosis MANUFACTURING_DEFECT", "repair PART_REPLACEMENT (parts: LCD-X200)", "Warranty decision: FREE");
    assertThat(tasklist.task(rework).priority()).isEqualTo(75);
    browser.screenshot("1-rework-repair-form");
  }

  @Test
  void theServiceDeskOpensTheCustomersProofScanFromTheVerifyProofForm() throws Exception {
    String rma = caseAtInspection("MEDIUM", "Proof Scan Customer");
    driver.complete(rma, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(rma, UserTask.DIAGNOSE_FAULT, Map.of("faultCause", "MANUFACTURING_DEFECT",
        "proofOfPurchaseValid", false, "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
    BufferedImage photo = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(photo, "png", png);
    // The invoice was found invalid and the unit has no shipment date: the customer sends proof, with a photo.
    assertThat(caseFile.get(rma).status()).isEqualTo(io.rmaflow.rmacase.CaseStatus.AWAITING_PROOF);
    warranty.submitProof(rma, "INV-SCAN-1", TestClock.today().minusMonths(1), null,
        ProofScan.of("invoice-photo.png", png.toByteArray()));
    driver.runAsyncSteps(rma);

    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "desk");
    TaskForm form = tasklist.open(rma);
    assertThat(form.text()).contains("Documents the customer sent", "invoice-photo.png", "image/png");
    browser.screenshot("1-verify-proof-with-scan");
    String link = browser.visible(By.partialLinkText("invoice-photo.png")).getAttribute("href");

    browser.open(link);

    assertThat(browser.script("return document.contentType;")).isEqualTo("image/png");
  }

  @Test
  void customerTextThatLooksLikeMarkupIsShownAsTypedAndHidesNothingOfTheSummary() {
    Map<String, Object> application = ApiClient.application(Applications.newSerial(), "eve@example.com",
        "OFFICIAL_STORE", TestClock.today().minusMonths(2));
    application.put("customer", Map.of("name", "Eve *Star* <b>Bold</b>", "email", "eve@example.com", "locale", "en",
        "address", Map.of("city", "Shanghai<script>", "province", "Shanghai", "country", "CN")));
    application.put("fault", Map.of("description", "# Screen [dead](http://evil.example) <img src=x>", "category", "POWER"));
    String rma = api.post(PORTAL, "/api/rmas", application).getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rma);

    TaskForm form = TasklistPage.logIn(browser, baseUrl(), "desk").open(rma);

    assertThat(form.text()).contains("Eve *Star* <b>Bold</b>, Shanghai<script>",
        "# Screen [dead](http://evil.example) <img src=x>",
        // What follows the customer's text in the summary is still there.
        "Priority: MEDIUM", "Submitted on");
    browser.screenshot("customer-text-as-typed");
  }

  @Test
  void staffOfAnotherGroupNeitherListNorOpenTheseTasks() {
    String rma = caseAtInspection("HIGH", "Other Group Customer");
    Task inspection = driver.task(rma, UserTask.INSPECT_PARCEL);

    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "qa");
    assertThat(tasklist.filterNames()).containsExactly("Quality inspectors", "My tasks");
    assertThat(tasklist.tasks()).noneMatch(card -> rma.equals(card.variables().get("RMA")));
    tasklist.openHash("#/?task=" + inspection.getId());
    browser.waitUntil("Tasklist refusing the task",
        () -> tasklist.notifications().stream().anyMatch(text -> text.contains("No matching task with id " + inspection.getId())));
    browser.screenshot("1-task-by-address-refused");

    assertThat(browser.all(By.cssSelector(".fjs-form"))).as("no form shown").isEmpty();
    assertThat(browser.all(By.cssSelector("button.claim"))).as("nothing to claim").isEmpty();
    assertThat(taskService.createTaskQuery().taskId(inspection.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void theServiceDesksDayStartsWithTheMostUrgentCaseAndItsFactsInTheList() {
    String low = submit("LOW", "Low Priority Customer");
    String high = submit("HIGH", "High Priority Customer");
    String medium = submit("MEDIUM", "Medium Priority Customer");
    String escalated = submit("LOW", "Escalated Customer");
    // As a passed service level does: the task rises to the top priority, its deadline stays later.
    Task escalatedTask = driver.task(escalated, UserTask.REMOTE_DIAGNOSIS);
    taskService.setPriority(escalatedTask.getId(), driver.task(high, UserTask.REMOTE_DIAGNOSIS).getPriority());

    TasklistPage tasklist = TasklistPage.logIn(browser, baseUrl(), "desk");
    assertThat(tasklist.sorting()).containsExactly("Priority desc", "Due date asc");
    List<TaskCard> cards = tasklist.tasks();
    browser.screenshot("1-sorted-by-priority-then-due-date");

    assertThat(rmaNumbers(cards)).containsSubsequence(high, escalated, medium, low);
    assertThat(cards).isSortedAccordingTo(Comparator.comparing(TaskCard::priority).reversed()
        .thenComparing(card -> LocalDateTime.parse(card.due(), TOOLTIP_DATE)));
    TaskCard first = cards.get(0);
    assertThat(first.variables()).containsEntry("RMA", high).containsEntry("Customer", "High Priority Customer")
        .containsEntry("Product", "X200").containsEntry("Priority", "HIGH");
    assertThat(cards).allSatisfy(card -> {
      assertThat(card.due()).as("the deadline of %s", card.variables().get("RMA")).isNotBlank();
      assertThat(card.allVariablesShown()).as("all facts of %s shown", card.variables().get("RMA")).isTrue();
    });

    // The sort control is in charge: turning priority around puts the least urgent case first.
    tasklist.flipSortDirection(0);
    browser.waitUntil("the list sorted by ascending priority",
        () -> rmaNumbers(tasklist.tasks()).indexOf(low) < rmaNumbers(tasklist.tasks()).indexOf(high));
    assertThat(tasklist.sorting()).containsExactly("Priority asc", "Due date asc");
    browser.screenshot("2-priority-turned-around");
  }

  // --- the parts every scenario shares ----------------------------------------------------

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A case submitted through the domain API, as a shop portal does, waiting for remote triage. */
  private String submit(String priority, String customerName) {
    Map<String, Object> application = ApiClient.application(Applications.newSerial(), "li.wei@example.com",
        "OFFICIAL_STORE", TestClock.today().minusMonths(2));
    application.put("priority", priority);
    application.put("customer", Map.of("name", customerName, "email", "customer@example.com",
        "phone", "+86 138 0000 0000", "locale", "en", "address", Map.of("line1", "1 Nanjing Rd",
            "city", "Shanghai", "province", "Shanghai", "postalCode", "200001", "country", "CN")));
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/rmas", application);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String rma = created.getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rma);
    return rma;
  }

  /** A case sent in after remote triage, whose parcel the carrier has delivered to the dock. */
  private String caseAtInspection(String priority, String customerName) {
    String rma = submit(priority, customerName);
    driver.complete(rma, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    assertThat(api.post(PORTAL, "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF-" + rma), rma).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    driver.runAsyncSteps(rma);
    return rma;
  }

  private void awaitCompleted(Task task) {
    browser.waitUntil(task.getTaskDefinitionKey() + " completed in the engine",
        () -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  private JsonNode caseOf(String rma) {
    ResponseEntity<JsonNode> answer = api.get(PORTAL, "/api/rmas/{rma}", rma);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static List<String> rmaNumbers(List<TaskCard> cards) {
    return cards.stream().map(card -> card.variables().get("RMA")).toList();
  }
}
