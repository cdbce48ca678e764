package io.rmaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.notification.ReceivedMail;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Whole cases over HTTP only: external systems through the domain API, staff through the
 * engine REST API with their own logins, and the job executor's part (async steps, due
 * timers) through the engine REST API's job execution as the administrator.
 */
@RmaSpringBootTest
class WholeCaseHttpTest {

  static final String PORTAL = "portal";

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired GreenMail greenMail;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(http);
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void anInWarrantyRepairRunsFromSubmissionToClosing() {
    String rma = submit(TestClock.today().minusMonths(2));
    sendIn(rma);
    api.post(PORTAL, "/api/rmas/{rma}/shipments", Map.of("carrier", "SF Express", "trackingNumber", "SF100"), rma);
    arrive(rma, "INTACT", true);
    complete("tech", rma, "diagnoseFault", diagnosis("MANUFACTURING_DEFECT"));
    assertThat(caseOf(rma).path("warranty").path("coverage").asText()).isEqualTo("FREE");
    repairAndPass(rma);
    shipBack(rma);

    JsonNode closed = caseOf(rma);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("resolution").asText()).isEqualTo("REPAIRED");
    assertThat(closed.path("shipments").path("inbound").path("trackingNumber").asText()).isEqualTo("SF100");
    assertThat(closed.path("shipments").path("return").path("trackingNumber").asText()).isEqualTo("YT-1");
    assertThat(notices(closed)).containsExactly("SUBMISSION_RECEIVED", "ARRANGEMENT", "SHIPPED_BACK", "CASE_CLOSED");
    assertThat(api.post(PORTAL, "/api/rmas/{rma}/feedback", Map.of("rating", 5), rma).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  void aCaseWithoutParcelClosesAfterFifteenDays() {
    String rma = submit(TestClock.today().minusMonths(2));
    sendIn(rma);
    assertThat(caseOf(rma).path("deadlines").path("autoCloseAt").isNull()).isFalse();

    fireTimer(rma, Elements.SHIP_REMINDER_TIMER);
    fireTimer(rma, Elements.PARCEL_NOT_RECEIVED_TIMER);

    JsonNode closed = caseOf(rma);
    assertThat(closed.path("resolution").asText()).isEqualTo("CLOSED_NOT_RECEIVED");
    assertThat(closed.path("deadlines").path("autoCloseAt").isNull()).isTrue();
    assertThat(notices(closed)).containsExactly("SUBMISSION_RECEIVED", "ARRANGEMENT", "SHIP_REMINDER", "CLOSED_NOT_RECEIVED");
  }

  @Test
  void aPaidRepairProceedsOncePaid() {
    String rma = submit(TestClock.today().minusYears(2));
    sendIn(rma);
    arrive(rma, "INTACT", true);
    complete("tech", rma, "diagnoseFault", diagnosis("MANUFACTURING_DEFECT"));
    JsonNode quoted = caseOf(rma);
    assertThat(quoted.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(quoted.path("deadlines").path("paymentDueBy").isNull()).isFalse();
    String gross = quoted.path("quote").path("gross").asText();

    ResponseEntity<JsonNode> paid = api.post(PORTAL, "/api/rmas/{rma}/payments",
        Map.of("reference", "PAY-" + rma, "amount", gross, "currency", "CNY"), rma);
    runAsyncSteps(rma);
    repairAndPass(rma);
    shipBack(rma);
    complete("finance", rma, "issueInvoice", Map.of("vatInvoiceNumber", "VAT-1"));

    assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    JsonNode closed = caseOf(rma);
    assertThat(closed.path("resolution").asText()).isEqualTo("REPAIRED");
    assertThat(closed.path("payment").path("amount").asText()).isEqualTo(gross);
    assertThat(notices(closed)).contains("QUOTE", "PAYMENT_RECEIVED", "SHIPPED_BACK");
    assertThat(api.get("admin", "/engine-rest/process-instance?businessKey={rma}", rma).getBody()).isEmpty();
  }

  @Test
  void anUnpaidQuoteReturnsTheDeviceUnrepairedAndALatePaymentIsRefused() {
    String rma = submit(TestClock.today().minusMonths(2));
    sendIn(rma);
    arrive(rma, "INTACT", true);
    complete("tech", rma, "diagnoseFault", diagnosis("LIQUID_DAMAGE"));
    String gross = caseOf(rma).path("quote").path("gross").asText();

    fireTimer(rma, Elements.PAYMENT_DEADLINE_TIMER);
    ResponseEntity<JsonNode> late = api.post(PORTAL, "/api/rmas/{rma}/payments",
        Map.of("reference", "PAY-LATE-" + rma, "amount", gross, "currency", "CNY"), rma);
    shipBack(rma);

    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().path("detail").asText()).contains("returned unrepaired", "returned to the customer");
    assertThat(caseOf(rma).path("resolution").asText()).isEqualTo("RETURNED_UNREPAIRED");
  }

  @Test
  void aDamagedParcelIsRejectedOnArrival() {
    String rma = submit(TestClock.today().minusMonths(2));
    sendIn(rma);
    arrive(rma, "DAMAGED", true);

    assertThat(caseOf(rma).path("resolution").asText()).isEqualTo("REJECTED_ON_ARRIVAL");
    assertThat(notices(caseOf(rma))).endsWith("REJECTED_ON_ARRIVAL");
  }

  @Test
  void twoFailedQualityChecksEndInARefund() {
    String rma = submit(TestClock.today().minusMonths(2));
    sendIn(rma);
    arrive(rma, "INTACT", true);
    complete("tech", rma, "diagnoseFault", diagnosis("MANUFACTURING_DEFECT"));
    complete("tech", rma, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-1"));
    complete("qa", rma, "qualityCheck", Map.of("qualityPassed", false));
    complete("tech", rma, "replaceDevice", Map.of("replacementSerialNumber", "SN-NEW-" + rma));
    complete("qa", rma, "qualityCheck", Map.of("qualityPassed", false));
    assertThat(caseOf(rma).path("status").asText()).isEqualTo("AWAITING_REFUND");
    complete("finance", rma, "arrangeRefund", Map.of("refundReference", "RF-" + rma));

    JsonNode closed = caseOf(rma);
    assertThat(closed.path("resolution").asText()).isEqualTo("REFUNDED");
    assertThat(notices(closed)).endsWith("REFUND");
  }

  @Test
  void aTaskCompletedWithValuesItsFormRefusesIsRefusedInTheFormsWordsAndStaysOpen() {
    String rma = submit(TestClock.today().minusMonths(2));
    sendIn(rma);
    arrive(rma, "INTACT", true);
    String taskId = api.get("tech", "/engine-rest/task?processInstanceBusinessKey={rma}&taskDefinitionKey=diagnoseFault", rma)
        .getBody().get(0).path("id").asText();
    assertThat(api.get("tech", "/engine-rest/task/{id}/form-variables?variableNames=caseHistory", taskId).getBody()
        .path("caseHistory").path("value").asText())
        .as("the case's history, as the diagnosis form shows it")
        .contains("· Task completed: Diagnose fault remotely: remoteOutcome=SEND\\_IN", "· Parcel arrived: SF100", "· Notice: ARRANGEMENT sent");
    Map<String, Object> variables = new HashMap<>();
    Map.of("faultCause", "DROPPED", "proofOfPurchaseValid", true, "repairMethod", "PART_REPLACEMENT",
        "partsCost", -5, "labourCost", 50).forEach((name, value) -> variables.put(name, Map.of("value", value)));

    // Tasklist submits Camunda Forms through submit-form.
    ResponseEntity<JsonNode> refused = api.post("tech", "/engine-rest/task/{id}/submit-form", Map.of("variables", variables), taskId);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText())
        .contains(rma, "Fault cause must be one of MANUFACTURING_DEFECT", "Parts cost must be at least 0.")
        .doesNotContain("Exception");
    assertThat(api.get("tech", "/engine-rest/task/{id}", taskId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(caseOf(rma).path("status").asText()).isEqualTo("IN_DIAGNOSIS");

    complete("tech", rma, "diagnoseFault", diagnosis("MANUFACTURING_DEFECT"));
    assertThat(caseOf(rma).path("status").asText()).isEqualTo("IN_REPAIR");
  }

  @Test
  void aContractCustomersRepairIsFreeAndFasterAndTheirMonthIsReported() throws Exception {
    // Wednesday 1 February 2051, 10:00 in Shanghai; no other test has a contract serving in that month.
    driver.setClock(OffsetDateTime.parse("2051-02-01T10:00:00+08:00").toInstant());
    String unit = Applications.newSerial();
    String email = "it-" + unit.toLowerCase() + "@example.com";
    String contract = registerContract(unit, email);
    String due = api.get(PORTAL, "/api/contracts/{n}", contract).getBody().path("balance").path("due").asText();
    assertThat(due).isEqualTo("113.00");
    assertThat(api.post(PORTAL, "/api/contracts/{n}/payments",
        Map.of("reference", "PAY-" + contract, "amount", due, "currency", "CNY"), contract).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    runAsyncSteps(contract);
    complete("finance", contract, "auditContractPayment", Map.of("paymentApproved", true, "auditNote", "On the account"));
    complete("finance", contract, "issueContractInvoice", Map.of("invoiceNumber", "VAT-C-" + contract));
    assertThat(api.get(PORTAL, "/api/contracts/{n}", contract).getBody().path("status").asText()).isEqualTo("ACTIVE");

    // Out of warranty for years, but under the contract.
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/rmas",
        ApiClient.application(unit, email, "OFFICIAL_STORE", LocalDate.parse("2047-06-01")));
    String rma = created.getBody().path("rmaNumber").asText();
    runAsyncSteps(rma);
    JsonNode filed = caseOf(rma);
    assertThat(filed.path("entitlement").path("contractNumber").asText()).isEqualTo(contract);
    assertThat(filed.path("entitlement").path("serviceLevels").path("responseWorkingHours").asInt()).isEqualTo(2);
    // 2 working hours instead of the centre's 4: 12:00 the same day.
    assertThat(OffsetDateTime.parse(filed.path("deadlines").path("responseDueBy").asText()))
        .isEqualTo(OffsetDateTime.parse("2051-02-01T12:00:00+08:00"));
    sendIn(rma);
    arrive(rma, "INTACT", true);
    complete("tech", rma, "diagnoseFault", diagnosis("MANUFACTURING_DEFECT"));
    JsonNode decided = caseOf(rma);
    assertThat(decided.path("warranty").path("coverage").asText()).isEqualTo("FREE");
    assertThat(decided.path("warranty").path("basis").asText()).isEqualTo("CONTRACT");
    assertThat(decided.path("quote").isNull()).isTrue();
    repairAndPass(rma);
    shipBack(rma);
    assertThat(caseOf(rma).path("resolution").asText()).isEqualTo("REPAIRED");

    // Wednesday 1 March 2051, 09:00: February's reports are due.
    driver.setClock(OffsetDateTime.parse("2051-03-01T09:00:00+08:00").toInstant());
    runReports();

    ResponseEntity<JsonNode> report = api.get(PORTAL, "/api/contracts/{n}/reports/2051-02", contract);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode figures = report.getBody();
    assertThat(figures.path("cases").path("opened").asInt()).isOne();
    assertThat(figures.path("cases").path("closedByResolution").path("REPAIRED").asInt()).isOne();
    assertThat(figures.path("response").path("withinLevel").asInt()).isOne();
    assertThat(figures.path("response").path("share").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(figures.path("resolution").path("measured").asInt()).isOne();
    assertThat(figures.path("belowTarget").asBoolean()).isFalse();
    assertThat(figures.path("availability").isNull()).isTrue();
    RmaApiTest.assertProblem(api.get(PORTAL, "/api/contracts/{n}/reports/2051-01", contract), HttpStatus.NOT_FOUND,
        "unknown-report");
    MimeMessage mail = java.util.Arrays.stream(greenMail.getReceivedMessagesForDomain(email))
        .filter(message -> subject(message).contains(contract) && subject(message).contains("service report"))
        .findFirst().orElseThrow();
    assertThat(ReceivedMail.part(mail, "text/html")).contains("cid:report-chart");
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(ReceivedMail.inlineImage(mail, "report-chart")));
    assertThat(chart.getWidth()).isEqualTo(640);
    assertThat(chart.getHeight()).isEqualTo(300);
  }

  // --- the parts every case shares ---------------------------------------------------------

  private String registerContract(String unit, String email) {
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/contracts", Map.of(
        "customer", Map.of("name", "Chen Jie", "email", email, "locale", "en", "address", Map.of("city", "Beijing", "country", "CN")),
        "plan", "MAINTENANCE", "units", List.of(unit), "startsOn", "2051-02-01", "endsOn", "2052-01-31", "billing", "MONTHLY",
        "fee", Map.of("amount", "100.00", "currency", "CNY"),
        "serviceLevels", Map.of("responseWorkingHours", 2, "resolutionWorkingHours", Map.of("MEDIUM", 16))));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String contract = created.getBody().path("contractNumber").asText();
    runAsyncSteps(contract);
    return contract;
  }

  /** The hourly report run's timer, then the run's steps, as the job executor would. */
  private void runReports() {
    JsonNode timer = api.get("admin", "/engine-rest/job?processDefinitionKey=service-report&timers=true").getBody();
    assertThat(timer).hasSize(1);
    executeJob(timer.get(0).path("id").asText());
    for (int executed = 0; ; executed++) {
      JsonNode jobs = api.get("admin", "/engine-rest/job?processDefinitionKey=service-report&messages=true").getBody();
      if (jobs.isEmpty()) {
        return;
      }
      assertThat(executed).as("report steps").isLessThan(20);
      executeJob(jobs.get(0).path("id").asText());
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String submit(LocalDate invoiceDate) {
    ResponseEntity<JsonNode> created = api.post(PORTAL, "/api/rmas",
        ApiClient.application(Applications.newSerial(), "li.wei@example.com", "OFFICIAL_STORE", invoiceDate));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String rma = created.getBody().path("rmaNumber").asText();
    runAsyncSteps(rma);
    return rma;
  }

  private void sendIn(String rma) {
    complete("desk", rma, "remoteDiagnosis", Map.of("remoteOutcome", "SEND_IN"));
    assertThat(caseOf(rma).path("status").asText()).isEqualTo("AWAITING_DEVICE");
  }

  private void arrive(String rma, String condition, boolean serialMatches) {
    assertThat(api.post(PORTAL, "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF100"), rma).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    complete("dock", rma, "inspectParcel", Map.of("parcelCondition", condition, "serialMatches", serialMatches));
  }

  private static Map<String, Object> diagnosis(String cause) {
    return Map.of("faultCause", cause, "proofOfPurchaseValid", true, "repairMethod", "PART_REPLACEMENT",
        "partsCost", 100, "labourCost", 50.5);
  }

  private void repairAndPass(String rma) {
    complete("tech", rma, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-1"));
    complete("qa", rma, "qualityCheck", Map.of("qualityPassed", true));
  }

  private void shipBack(String rma) {
    complete("logistics", rma, "shipDevice", Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-1"));
  }

  /** A staff member completes their task in the engine REST API, as Tasklist does. */
  private void complete(String login, String rma, String taskKey, Map<String, Object> results) {
    JsonNode tasks = api.get(login, "/engine-rest/task?processInstanceBusinessKey={rma}&taskDefinitionKey={key}", rma, taskKey)
        .getBody();
    assertThat(tasks).as("%s's %s task of %s", login, taskKey, rma).hasSize(1);
    Map<String, Object> variables = new HashMap<>();
    results.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ResponseEntity<JsonNode> completed = api.post(login, "/engine-rest/task/{id}/complete", Map.of("variables", variables),
        tasks.get(0).path("id").asText());
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runAsyncSteps(rma);
  }

  /** What the job executor does: run the case's pending async steps, bounded. */
  private void runAsyncSteps(String rma) {
    for (int executed = 0; ; executed++) {
      JsonNode jobs = api.get("admin", "/engine-rest/job?processInstanceId={id}&messages=true", processInstanceId(rma)).getBody();
      if (jobs.isEmpty()) {
        return;
      }
      assertThat(executed).as("async steps of %s", rma).isLessThan(20);
      executeJob(jobs.get(0).path("id").asText());
    }
  }

  private void fireTimer(String rma, String timerId) {
    JsonNode timers = api.get("admin", "/engine-rest/job?processInstanceId={id}&timers=true&activityId={timer}",
        processInstanceId(rma), timerId).getBody();
    assertThat(timers).as("timer %s of %s", timerId, rma).hasSize(1);
    executeJob(timers.get(0).path("id").asText());
    runAsyncSteps(rma);
  }

  private void executeJob(String jobId) {
    assertThat(api.post("admin", "/engine-rest/job/{id}/execute", null, jobId).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private String processInstanceId(String rma) {
    JsonNode instances = api.get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey={rma}", rma).getBody();
    assertThat(instances).hasSize(1);
    return instances.get(0).path("id").asText();
  }

  private JsonNode caseOf(String rma) {
    ResponseEntity<JsonNode> answer = api.get(PORTAL, "/api/rmas/{rma}", rma);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static List<String> notices(JsonNode rmaCase) {
    List<String> notices = new java.util.ArrayList<>();
    rmaCase.path("timeline").forEach(entry -> {
      if (entry.path("event").asText().equals("NOTICE")) {
        notices.add(entry.path("detail").asText().split(" ")[0]);
      }
    });
    return notices;
  }
}
