package io.rmaflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.access.CustomerLinks;
import io.rmaflow.cancellation.CancellationService;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.feedback.FeedbackService;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseDocument;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.RmaCase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RmaSpringBootTest
class RetentionServiceTest {

  /** Every text of the customer's or staff's own that the closed case below carries. */
  static final String NAME = "Retention Testperson";
  static final String EMAIL = "retention.testperson@example.com";
  static final String PHONE = "+86 139 1234 5678";
  static final String STREET = "77 Retention Lane";
  static final String POSTAL_CODE = "200777";
  static final String FAULT = "Screen cracked when my son dropped it";
  static final String COMPLAINT = "Call me on my mobile after six";
  static final String COMPLAINT_REPLY = "Phoned the customer at home, apologised";
  static final String CANCELLATION = "Moving abroad next week";
  static final String FEEDBACK = "The lady on the phone was very kind";
  static final List<String> PERSONAL = List.of(NAME, EMAIL, PHONE, STREET, POSTAL_CODE, FAULT, COMPLAINT, COMPLAINT_REPLY,
      CANCELLATION, FEEDBACK);

  @Autowired RetentionService retention;
  @Autowired LifecycleDriver driver;
  @Autowired ComplaintService complaints;
  @Autowired CancellationService cancellations;
  @Autowired FeedbackService feedback;
  @Autowired CaseFile cases;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired CustomerLinks links;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void personalDataOfCasesClosedBeforeTheRetentionPeriodIsRemovedOnceAndOpenCasesKeepTheirs() {
    driver.setClock(Instant.parse("2025-01-10T02:00:00Z"));
    String closed = driver.submit(application(LocalDate.parse("2024-12-01"))).getBusinessKey();
    complaints.file(closed, COMPLAINT);
    driver.runAsyncSteps(closed);
    driver.complete(closed, UserTask.HANDLE_COMPLAINT, Map.of("complaintOutcome", "ANSWERED", "complaintResponse", COMPLAINT_REPLY));
    cancellations.cancel(closed, CANCELLATION);
    driver.runAsyncSteps(closed);
    feedback.give(closed, 4, FEEDBACK);
    assertThat(everythingKeptOf(closed)).as("the case before its data is removed")
        .anySatisfy(text -> assertThat(text).contains(COMPLAINT))
        .anySatisfy(text -> assertThat(text).contains(COMPLAINT_REPLY))
        .anySatisfy(text -> assertThat(text).contains(CANCELLATION))
        .anySatisfy(text -> assertThat(text).contains(FEEDBACK));
    driver.resetClock();
    String open = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(1))).getBusinessKey();

    int anonymised = retention.anonymiseClosedBefore(OffsetDateTime.parse("2025-06-01T00:00:00Z"));

    assertThat(anonymised).isGreaterThanOrEqualTo(1);
    for (String kept : everythingKeptOf(closed)) {
      for (String personal : PERSONAL) {
        assertThat(kept).as("what the case file keeps of %s", closed).doesNotContain(personal);
      }
    }
    RmaCase gone = cases.get(closed);
    assertThat(gone.customer().name()).isEqualTo("anonymised");
    assertThat(gone.customer().email()).endsWith("@invalid");
    assertThat(gone.customer().city()).isEqualTo("Hangzhou");
    assertThat(gone.productModel()).isEqualTo("X200");
    assertThat(gone.resolution()).isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(driver.processInstanceId(closed)).count()).isZero();

    RmaCase kept = cases.get(open);
    assertThat(kept.customer().name()).isEqualTo("Li Wei");
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(driver.processInstanceId(open)).count()).isPositive();
    assertThat(retention.anonymiseClosedBefore(OffsetDateTime.parse("2025-06-01T00:00:00Z"))).isZero();
  }

  @Test
  void theDocumentsACustomerSentAndTheLinkToTheirPageGoWithTheirPersonalData() {
    driver.setClock(Instant.parse("2025-01-12T02:00:00Z"));
    String closed = driver.submit(application(LocalDate.parse("2024-12-01"))).getBusinessKey();
    cases.attach(closed, CaseDocument.Kind.PROOF_OF_PURCHASE, "invoice-of-" + NAME + ".pdf", "application/pdf",
        "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    cancellations.cancel(closed, CANCELLATION);
    driver.runAsyncSteps(closed);
    assertThat(links.pageUrl(closed)).isPresent();
    driver.resetClock();

    retention.anonymiseClosedBefore(OffsetDateTime.parse("2025-06-01T00:00:00Z"));

    assertThat(cases.documents(closed)).isEmpty();
    assertThat(links.pageUrl(closed)).isEmpty();
    assertThat(everythingKeptOf(closed)).noneSatisfy(text -> assertThat(text).contains(NAME));
  }

  /** Every text value of the case's row and timeline, whatever column or event holds it. */
  private List<String> everythingKeptOf(String rmaNumber) {
    List<String> texts = new ArrayList<>();
    jdbc.sql("SELECT * FROM rma_case WHERE rma_number = ?").param(rmaNumber).query(rs -> {
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        texts.add(rs.getString(column));
      }
    });
    texts.addAll(jdbc.sql("SELECT detail FROM rma_timeline WHERE rma_number = ?").param(rmaNumber)
        .query(String.class).list());
    return texts.stream().filter(Objects::nonNull).toList();
  }

  private static RmaApplication application(LocalDate invoiceDate) {
    return new RmaApplication(
        new Customer(NAME, EMAIL, PHONE, "en",
            new Address(STREET, "Hangzhou", "Zhejiang", POSTAL_CODE, "CN")),
        new RmaApplication.Product("X200", Applications.newSerial()),
        new RmaApplication.Purchase(SalesChannel.OFFICIAL_STORE, "INV-RET-1", invoiceDate, invoiceDate),
        new RmaApplication.Fault(FAULT, "DISPLAY"),
        Priority.MEDIUM, ServiceType.MAIL_IN, false, new RmaApplication.Acknowledgements(true, true));
  }
}
