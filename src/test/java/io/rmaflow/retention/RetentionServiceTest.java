package io.rmaflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.RmaCaseRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RmaSpringBootTest
class RetentionServiceTest {

  @Autowired RetentionService retention;
  @Autowired LifecycleDriver driver;
  @Autowired ComplaintService complaints;
  @Autowired RmaCaseRepository cases;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void personalDataOfCasesClosedBeforeTheRetentionPeriodIsRemovedOnceAndOpenCasesKeepTheirs() {
    driver.setClock(Instant.parse("2025-01-10T02:00:00Z"));
    String closed = driver.submit(Applications.withInvoice(LocalDate.parse("2024-12-01"))).getBusinessKey();
    complaints.file(closed, "Call me on 138 0000 0000");
    driver.runAsyncSteps(closed);
    driver.complete(closed, UserTask.HANDLE_COMPLAINT, Map.of("complaintResponse", "Called Li Wei back"));
    driver.complete(closed, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "RESOLVED"));
    driver.resetClock();
    String open = driver.submit(Applications.withInvoice(LocalDate.now().minusMonths(1))).getBusinessKey();

    int anonymised = retention.anonymiseClosedBefore(OffsetDateTime.parse("2025-06-01T00:00:00Z"));

    assertThat(anonymised).isGreaterThanOrEqualTo(1);
    RmaCase gone = cases.get(closed);
    assertThat(gone.customer().name()).isEqualTo("anonymised");
    assertThat(gone.customer().email()).endsWith("@invalid");
    assertThat(gone.customer().phone()).isNull();
    assertThat(gone.customer().line1()).isNull();
    assertThat(gone.faultDescription()).isEqualTo("(removed)");
    assertThat(gone.customer().city()).isEqualTo("Shanghai");
    assertThat(gone.resolution()).isNotNull();
    assertThat(cases.timeline(closed)).filteredOn(entry -> RetentionService.FREE_TEXT_EVENTS.contains(entry.event()))
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.detail()).isNull());
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(driver.processInstanceId(closed)).count()).isZero();

    RmaCase kept = cases.get(open);
    assertThat(kept.customer().name()).isEqualTo("Li Wei");
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(driver.processInstanceId(open)).variableName("customerName").count()).isPositive();
    assertThat(retention.anonymiseClosedBefore(OffsetDateTime.parse("2025-06-01T00:00:00Z"))).isZero();
  }
}
