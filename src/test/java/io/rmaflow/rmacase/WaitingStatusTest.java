package io.rmaflow.rmacase;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static io.rmaflow.process.RmaProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.shipping.ShipInService;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A status that says the case waits for the customer is never seen without the deadline the
 * customer is held to: both appear in the one transaction that makes the case wait. Each test
 * reads the case between the step before and the asynchronous step that sends the notice.
 */
@RmaSpringBootTest
class WaitingStatusTest {

  @Autowired LifecycleDriver driver;
  @Autowired TaskService taskService;
  @Autowired CaseQueryService caseQueries;
  @Autowired ShipInService shipIn;

  @Test
  void aCaseIsAwaitingTheDeviceOnlyOnceItsShipByDateIsSet() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();

    completeWithoutItsNextSteps(rma, REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "SEND_IN"));
    assertWaitsOnlyWithItsDeadline(rma, CaseStatus.AWAITING_DEVICE, CaseDetails.Deadlines::shipBy);

    driver.runAsyncSteps(rma);
    assertWaitsOnlyWithItsDeadline(rma, CaseStatus.AWAITING_DEVICE, CaseDetails.Deadlines::shipBy);
    assertThat(caseQueries.status(rma)).isEqualTo(CaseStatus.AWAITING_DEVICE);
  }

  @Test
  void aCaseIsAwaitingPaymentOnlyOnceItsPaymentDeadlineExists() {
    String rma = inDiagnosis(Applications.withInvoice(TestClock.today().minusYears(2)));

    completeWithoutItsNextSteps(rma, DIAGNOSE_FAULT, diagnosis(true));
    assertWaitsOnlyWithItsDeadline(rma, CaseStatus.AWAITING_PAYMENT, CaseDetails.Deadlines::paymentDueBy);

    driver.runAsyncSteps(rma);
    assertWaitsOnlyWithItsDeadline(rma, CaseStatus.AWAITING_PAYMENT, CaseDetails.Deadlines::paymentDueBy);
    assertThat(caseQueries.status(rma)).isEqualTo(CaseStatus.AWAITING_PAYMENT);
  }

  @Test
  void aCaseIsAwaitingProofOnlyOnceItsProofDeadlineExists() {
    String rma = inDiagnosis(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false));

    completeWithoutItsNextSteps(rma, DIAGNOSE_FAULT, diagnosis(false));
    assertWaitsOnlyWithItsDeadline(rma, CaseStatus.AWAITING_PROOF, CaseDetails.Deadlines::proofDueBy);

    driver.runAsyncSteps(rma);
    assertWaitsOnlyWithItsDeadline(rma, CaseStatus.AWAITING_PROOF, CaseDetails.Deadlines::proofDueBy);
    assertThat(caseQueries.status(rma)).isEqualTo(CaseStatus.AWAITING_PROOF);
  }

  private void assertWaitsOnlyWithItsDeadline(String rma, CaseStatus waiting,
      Function<CaseDetails.Deadlines, ?> deadline) {
    CaseDetails details = caseQueries.get(rma);
    if (details.rmaCase().status() == waiting) {
      assertThat(deadline.apply(details.deadlines())).as("deadline of %s while %s", rma, waiting).isNotNull();
    }
  }

  private void completeWithoutItsNextSteps(String rma, io.rmaflow.process.RmaProcess.UserTask task,
      Map<String, Object> results) {
    taskService.complete(driver.task(rma, task).getId(), results);
  }

  private String inDiagnosis(io.rmaflow.intake.RmaApplication application) {
    String rma = driver.submit(application).getBusinessKey();
    driver.complete(rma, REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "SEND_IN"));
    shipIn.reportArrival(rma, "SF-IN-1");
    driver.complete(rma, INSPECT_PARCEL, Map.of(PARCEL_CONDITION.name(), "INTACT", SERIAL_MATCHES.name(), true));
    return rma;
  }

  private static Map<String, Object> diagnosis(boolean proofValid) {
    Map<String, Object> results = new HashMap<>();
    results.put(FAULT_CAUSE.name(), "MANUFACTURING_DEFECT");
    results.put(PROOF_OF_PURCHASE_VALID.name(), proofValid);
    results.put(REPAIR_METHOD.name(), "PART_REPLACEMENT");
    results.put(PARTS_COST.name(), 100);
    results.put(LABOUR_COST.name(), 20);
    return results;
  }
}
