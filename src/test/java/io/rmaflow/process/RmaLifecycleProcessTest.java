package io.rmaflow.process;

import static io.rmaflow.process.RmaProcess.Elements.*;
import static io.rmaflow.process.RmaProcess.UserTask.*;
import static io.rmaflow.process.RmaProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.rmaflow.CoversProcess;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.cancellation.CancellationService;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.contract.Billing;
import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractRegistration;
import io.rmaflow.contract.ContractRegistrationService;
import io.rmaflow.contract.ContractStatus;
import io.rmaflow.contract.Contracts;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.ProductRegistry;
import io.rmaflow.product.ProductUnit;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.repair.PaymentService;
import io.rmaflow.repair.QuoteService;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.TimelineEntry;
import io.rmaflow.shipping.ShipInService;
import io.rmaflow.warranty.WarrantyService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of {@code rma-lifecycle}, driven the way the case runs for real:
 * submission through the intake service, user tasks completed with what their forms send,
 * messages through the application services, timers fired by moving the engine clock.
 * Together they reach every flow node and sequence flow of the model, or the class fails
 * (camunda-process-test-coverage's class coverage, {@link io.rmaflow.ProcessCoverageConfiguration}).
 */
@RmaSpringBootTest
@CoversProcess(RmaProcess.KEY)
class RmaLifecycleProcessTest {

  /** A Tuesday morning in the centre's time zone. */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-10T10:00:00+08:00");
  static final LocalDate TODAY = NOW.toLocalDate();

  @Autowired LifecycleDriver driver;
  @Autowired CaseFile cases;
  @Autowired CaseFile caseFile;
  @Autowired ShipInService shipIn;
  @Autowired WarrantyService warranty;
  @Autowired QuoteService quotes;
  @Autowired PaymentService payments;
  @Autowired ProductRegistry registry;
  @Autowired ComplaintService complaints;
  @Autowired CancellationService cancellations;
  @Autowired TaskService taskService;
  @Autowired ContractRegistrationService registrations;
  @Autowired ContractFile contracts;

  @BeforeEach
  void fixClock() {
    driver.setClock(NOW.toInstant());
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  // --- intake and remote triage -------------------------------------------------------

  @Test
  void anApplicationBoughtOutsideOfficialChannelsIsClosedNotEligible() {
    Case rma = submit(Applications.application(Applications.newSerial(), SalesChannel.OTHER, null, null, false));

    assertThat(rma.instance()).isEnded().hasPassed(CONFIRM_SUBMISSION, CHECK_ELIGIBILITY, END_NOT_ELIGIBLE)
        .hasNotPassed(REMOTE_DIAGNOSIS.id());
    assertClosed(rma, Resolution.REJECTED_NOT_ELIGIBLE);
    assertThat(notices(rma)).containsExactly("SUBMISSION_RECEIVED", "CASE_CLOSED");
  }

  @Test
  void theRegistrysSalesChannelCountsOverTheCustomersStatement() {
    String serial = Applications.newSerial();
    registry.register(new ProductUnit(serial, "X200", ProductCategory.DEVICE, TODAY.minusMonths(2), SalesChannel.OTHER));

    Case rma = submit(Applications.application(serial, SalesChannel.OFFICIAL_STORE, TODAY.minusMonths(2), null, false));

    assertThat(rma.instance()).isEnded().hasPassed(END_NOT_ELIGIBLE).hasNotPassed(REMOTE_DIAGNOSIS.id());
    assertClosed(rma, Resolution.REJECTED_NOT_ELIGIBLE);
  }

  @Test
  void aFaultResolvedRemotelyClosesTheCase() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.IN_REMOTE_DIAGNOSIS);

    driver.complete(rma.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "RESOLVED"));

    assertThat(rma.instance()).isEnded().hasPassed(END_RESOLVED_REMOTELY).hasNotPassed(SEND_ARRANGEMENT);
    assertClosed(rma, Resolution.RESOLVED_REMOTELY);
  }

  @Test
  void highRiskWorkIsRefusedAfterRemoteTriage() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));

    driver.complete(rma.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "REFUSED"));

    assertThat(rma.instance()).isEnded().hasPassed(END_REFUSED).hasNotPassed(SEND_ARRANGEMENT);
    assertClosed(rma, Resolution.REFUSED);
  }

  @Test
  void anOnSiteVisitThatResolvesTheFaultClosesTheCaseRepaired() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));

    driver.complete(rma.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "ON_SITE"));
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.ON_SITE_SCHEDULED);
    driver.complete(rma.number(), SCHEDULE_ON_SITE_VISIT, Map.of(VISIT_SCHEDULED_FOR.name(), "2026-03-11T14:00"));
    driver.complete(rma.number(), PERFORM_ON_SITE_VISIT, Map.of(VISIT_OUTCOME.name(), "RESOLVED"));

    assertThat(rma.instance()).isEnded().hasPassed(END_REPAIRED_ON_SITE).hasNotPassed(SEND_ARRANGEMENT);
    assertClosed(rma, Resolution.REPAIRED);
  }

  @Test
  void anOnSiteVisitThatCannotResolveTheFaultJoinsTheShipInPath() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    driver.complete(rma.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "ON_SITE"));
    driver.complete(rma.number(), SCHEDULE_ON_SITE_VISIT, Map.of(VISIT_SCHEDULED_FOR.name(), "2026-03-11T14:00"));

    driver.complete(rma.number(), PERFORM_ON_SITE_VISIT, Map.of(VISIT_OUTCOME.name(), "SEND_IN"));

    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL).hasPassed(SEND_ARRANGEMENT);
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.AWAITING_DEVICE);
    driver.fireTimer(rma.number(), PARCEL_NOT_RECEIVED_TIMER);
    assertThat(rma.instance()).isEnded().hasPassed(END_CLOSED_NOT_RECEIVED);
  }

  // --- awaiting the device ---------------------------------------------------------------

  @Test
  void aCaseWithoutParcelGetsAReminderAfterThreeDaysAndClosesAfterFifteen() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));

    RmaCase awaiting = caseOf(rma);
    assertThat(awaiting.shipBy()).isEqualTo(NOW.plusDays(3));
    assertThat(awaiting.autoCloseAt()).isEqualTo(NOW.plusDays(15));
    assertThat(driver.timer(rma.number(), SHIP_REMINDER_TIMER).getDuedate().toInstant()).isEqualTo(NOW.plusDays(3).toInstant());
    assertThat(driver.timer(rma.number(), PARCEL_NOT_RECEIVED_TIMER).getDuedate().toInstant())
        .isEqualTo(NOW.plusDays(15).toInstant());

    driver.fireTimer(rma.number(), SHIP_REMINDER_TIMER);
    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL).hasPassed(SEND_SHIP_REMINDER);

    driver.fireTimer(rma.number(), PARCEL_NOT_RECEIVED_TIMER);
    assertThat(rma.instance()).isEnded().hasPassed(END_CLOSED_NOT_RECEIVED).hasNotPassed(INSPECT_PARCEL.id());
    assertClosed(rma, Resolution.CLOSED_NOT_RECEIVED);
    assertThat(notices(rma)).containsExactly("SUBMISSION_RECEIVED", "ARRANGEMENT", "SHIP_REMINDER", "CLOSED_NOT_RECEIVED");
  }

  @Test
  void noReminderIsSentWhenTheDeviceWasShippedAndADamagedParcelIsRejected() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));

    shipIn.reportShipment(rma.number(), "SF Express", "SF1234567890");
    driver.fireTimer(rma.number(), SHIP_REMINDER_TIMER);

    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL).hasPassed(RECORD_INBOUND_SHIPMENT, REMINDER_NOT_NEEDED)
        .hasNotPassed(SEND_SHIP_REMINDER);
    assertThat(caseOf(rma).inboundTrackingNumber()).isEqualTo("SF1234567890");

    shipIn.reportArrival(rma.number(), "SF1234567890");
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.IN_INSPECTION);
    driver.complete(rma.number(), INSPECT_PARCEL, Map.of(PARCEL_CONDITION.name(), "DAMAGED", SERIAL_MATCHES.name(), true));

    assertThat(rma.instance()).isEnded().hasPassed(END_REJECTED_ON_ARRIVAL).hasNotPassed(DIAGNOSE_FAULT.id());
    assertClosed(rma, Resolution.REJECTED_ON_ARRIVAL);
    assertThat(notices(rma)).containsExactly("SUBMISSION_RECEIVED", "ARRANGEMENT", "REJECTED_ON_ARRIVAL");
  }

  @Test
  void aParcelWhosePackingSlipNamesAnotherCaseIsNotInspectedUnderThisOne() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));
    shipIn.reportArrival(rma.number(), "SF-IN-SLIP");

    assertThatThrownBy(() -> driver.complete(rma.number(), INSPECT_PARCEL, Map.of(SCANNED_RMA_NUMBER.name(),
        "RMA-2026-999999", PARCEL_CONDITION.name(), "INTACT", SERIAL_MATCHES.name(), true)))
        .hasMessageContaining("packing slip is for RMA-2026-999999, not " + rma.number());
    assertThat(rma.instance()).isWaitingAt(INSPECT_PARCEL.id());

    driver.complete(rma.number(), INSPECT_PARCEL, Map.of(SCANNED_RMA_NUMBER.name(), rma.number(),
        PARCEL_CONDITION.name(), "INTACT", SERIAL_MATCHES.name(), true));
    assertThat(rma.instance()).isWaitingAt(DIAGNOSE_FAULT.id());
  }

  @Test
  void anIntactParcelWithTheWrongSerialIsRejectedOnArrival() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));
    shipIn.reportArrival(rma.number(), "SF000");

    driver.complete(rma.number(), INSPECT_PARCEL, Map.of(PARCEL_CONDITION.name(), "INTACT", SERIAL_MATCHES.name(), false));

    assertThat(rma.instance()).isEnded().hasPassed(END_REJECTED_ON_ARRIVAL).hasNotPassed(DIAGNOSE_FAULT.id());
    assertClosed(rma, Resolution.REJECTED_ON_ARRIVAL);
  }

  @Test
  void aParcelReportedWhileNoneIsAwaitedIsRefused() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));

    assertThatThrownBy(() -> shipIn.reportArrival(rma.number(), "SF000"))
        .isInstanceOf(CaseNotAwaitingException.class)
        .hasMessageContaining(rma.number()).hasMessageContaining("ParcelArrived");
    assertThat(rma.instance()).isWaitingAt(REMOTE_DIAGNOSIS.id());
  }

  // --- warranty, repair and quality ------------------------------------------------------

  @Test
  void anInWarrantyManufacturingDefectIsRepairedFreeAndShippedBack() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));

    diagnose(rma, "MANUFACTURING_DEFECT", true);

    RmaCase diagnosed = caseOf(rma);
    assertThat(diagnosed.warranty().coverage()).isEqualTo(Coverage.FREE);
    assertThat(diagnosed.warranty().basis()).isEqualTo(WarrantyBasis.INVOICE_DATE);
    assertThat(diagnosed.warranty().start()).isEqualTo(TODAY.minusMonths(2));
    assertThat(diagnosed.warranty().end()).isEqualTo(TODAY.minusMonths(2).plusMonths(12).minusDays(1));
    assertThat(diagnosed.warranty().reason()).contains(diagnosed.warranty().end().toString());
    assertThat(diagnosed.status()).isEqualTo(CaseStatus.IN_REPAIR);

    repairAndPassQualityCheck(rma);
    assertThat(driver.task(rma.number(), SHIP_DEVICE)).isNotNull();
    shipBack(rma);

    assertThat(rma.instance()).isEnded()
        .hasPassed(DETERMINE_WARRANTY_START, DETERMINE_WARRANTY_LENGTH, DECIDE_COVERAGE, REPAIR_DEVICE.id(),
            QUALITY_CHECK.id(), SHIP_DEVICE.id(), NOTIFY_SHIPPED_BACK, END_DEVICE_RETURNED)
        .hasNotPassed(PREPARE_QUOTE, REQUEST_PROOF, REPLACE_DEVICE.id());
    assertClosed(rma, Resolution.REPAIRED);
    RmaCase closed = caseOf(rma);
    assertThat(closed.returnFreightPaidBy()).isEqualTo("CENTRE");
    assertThat(closed.returnReplacedParts()).isFalse();
    assertThat(closed.returnTrackingNumber()).isEqualTo("YT-RETURN-1");
    assertThat(notices(rma)).containsExactly("SUBMISSION_RECEIVED", "ARRANGEMENT", "SHIPPED_BACK", "CASE_CLOSED");
    assertThat(statuses(rma)).containsExactly("SUBMITTED", "IN_REMOTE_DIAGNOSIS", "AWAITING_DEVICE", "IN_INSPECTION",
        "IN_DIAGNOSIS", "IN_REPAIR", "IN_QUALITY_CHECK", "AWAITING_RETURN_SHIPMENT", "CLOSED REPAIRED");
  }

  @Test
  void aRegisteredUnitWithoutValidInvoiceIsJudgedFromItsShipmentDate() {
    String serial = Applications.newSerial();
    registry.register(new ProductUnit(serial, "B5000", ProductCategory.BATTERY, TODAY.minusMonths(5), SalesChannel.OFFICIAL_STORE));
    Case rma = inDiagnosis(Applications.application(serial, SalesChannel.OFFICIAL_STORE, null, null, false));

    diagnose(rma, "MANUFACTURING_DEFECT", false);

    RmaCase diagnosed = caseOf(rma);
    assertThat(diagnosed.warranty().basis()).isEqualTo(WarrantyBasis.SHIPMENT_DATE);
    assertThat(diagnosed.warranty().end()).isEqualTo(TODAY.minusMonths(5).plusMonths(6).minusDays(1));
    assertThat(diagnosed.warranty().coverage()).isEqualTo(Coverage.FREE);
    repairAndPassQualityCheck(rma);
    shipBack(rma);
    assertThat(rma.instance()).isEnded().hasPassed(END_DEVICE_RETURNED).hasNotPassed(REQUEST_PROOF, PREPARE_QUOTE);
  }

  @Test
  void aDeviceWithNoFaultFoundIsReturnedFreeOfCharge() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));

    diagnose(rma, "NO_FAULT_FOUND", true);
    shipBack(rma);

    assertThat(rma.instance()).isEnded().hasPassed(END_DEVICE_RETURNED)
        .hasNotPassed(REPAIR_DEVICE.id(), PREPARE_QUOTE, QUALITY_CHECK.id());
    assertClosed(rma, Resolution.NO_FAULT_FOUND);
    assertThat(caseOf(rma).returnFreightPaidBy()).isEqualTo("CENTRE");
  }

  @Test
  void aDeviceFailingQualityOnceIsReplaced() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    diagnose(rma, "MANUFACTURING_DEFECT", true);
    driver.complete(rma.number(), REPAIR_DEVICE, Map.of(REPAIR_METHOD.name(), "PART_REPLACEMENT", REPLACED_PARTS.name(), "MB-X200"));

    driver.complete(rma.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), false));
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.IN_REPAIR);
    driver.complete(rma.number(), REPLACE_DEVICE, Map.of(REPLACEMENT_SERIAL_NUMBER.name(), "SN-X200-NEW-1"));
    driver.complete(rma.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), true));
    shipBack(rma);

    assertThat(rma.instance()).isEnded().hasPassed(REPLACE_DEVICE.id(), END_DEVICE_RETURNED).hasNotPassed(ARRANGE_REFUND.id());
    assertClosed(rma, Resolution.REPLACED);
    assertThat(caseOf(rma).replacementSerialNumber()).isEqualTo("SN-X200-NEW-1");
    assertThat(caseOf(rma).qualityFailures()).isEqualTo(1);
  }

  @Test
  void aDeviceFailingQualityTwiceIsRefunded() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    diagnose(rma, "MANUFACTURING_DEFECT", true);
    driver.complete(rma.number(), REPAIR_DEVICE, Map.of(REPAIR_METHOD.name(), "PART_REPLACEMENT", REPLACED_PARTS.name(), "MB-X200"));
    driver.complete(rma.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), false));
    driver.complete(rma.number(), REPLACE_DEVICE, Map.of(REPLACEMENT_SERIAL_NUMBER.name(), "SN-X200-NEW-2"));

    driver.complete(rma.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), false));
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.AWAITING_REFUND);
    driver.complete(rma.number(), ARRANGE_REFUND, Map.of(REFUND_REFERENCE.name(), "RF-2026-0001"));

    assertThat(rma.instance()).isEnded()
        .hasPassed(END_QUALITY_FAILED_TWICE, PREPARE_REFUND, ARRANGE_REFUND.id(), END_REFUNDED).hasNotPassed(SHIP_DEVICE.id());
    assertClosed(rma, Resolution.REFUNDED);
    assertThat(caseOf(rma).refundReference()).isEqualTo("RF-2026-0001");
    assertThat(caseOf(rma).qualityFailures()).isEqualTo(2);
    // A warranty repair cost the customer nothing: the product's price is refunded.
    assertThat(caseOf(rma).refund()).isEqualTo(new RmaCase.Refund(RefundCause.QUALITY_FAILED, null, null, null));
    assertThat(notices(rma)).endsWith("REFUND");
  }

  // --- paid repairs ------------------------------------------------------------------------

  @Test
  void aPaidRepairStartsOncePaidAndTheCustomerKeepsReplacedParts() {
    Case rma = inDiagnosis(Applications.application(
        Applications.newSerial(), SalesChannel.OFFICIAL_STORE, TODAY.minusYears(2), TODAY.minusYears(2), true));

    diagnose(rma, "MANUFACTURING_DEFECT", true);

    RmaCase quoted = caseOf(rma);
    assertThat(quoted.warranty().coverage()).isEqualTo(Coverage.PAID);
    assertThat(quoted.warranty().reason()).contains("ended on " + TODAY.minusYears(1).minusDays(1));
    assertThat(quoted.status()).isEqualTo(CaseStatus.AWAITING_PAYMENT);
    assertThat(rma.instance()).isWaitingAt(AWAIT_PAYMENT);
    assertThat(quoted.quote().net()).isEqualByComparingTo("150.50");
    assertThat(quoted.quote().tax()).isEqualByComparingTo("19.57");
    assertThat(quoted.quote().gross()).isEqualByComparingTo("170.07");
    assertThat(quoted.quote().currency()).isEqualTo("CNY");
    assertThat(quoted.quote().paymentDueBy()).isEqualTo(NOW.plusMonths(1));

    payments.receive(rma.number(), "PAY-1", new BigDecimal("170.07"), "CNY");
    driver.runAsyncSteps(rma.number());

    assertThat(rma.instance()).hasPassed(RECORD_PAYMENT, CONFIRM_PAYMENT).isWaitingAt(REPAIR_DEVICE.id(), ISSUE_INVOICE.id());
    repairAndPassQualityCheck(rma);
    shipBack(rma);
    assertClosed(rma, Resolution.REPAIRED);
    assertThat(rma.instance()).isWaitingAt(ISSUE_INVOICE.id());

    driver.complete(rma.number(), ISSUE_INVOICE, Map.of(VAT_INVOICE_NUMBER.name(), "VAT-0001"));

    assertThat(rma.instance()).isEnded().hasPassed(END_DEVICE_RETURNED, END_INVOICE_ISSUED)
        .hasNotPassed(QUOTE_DECLINED, PAYMENT_DEADLINE_TIMER);
    RmaCase closed = caseOf(rma);
    assertThat(closed.payment().reference()).isEqualTo("PAY-1");
    assertThat(closed.returnReplacedParts()).isTrue();
    assertThat(closed.returnFreightPaidBy()).isEqualTo("CUSTOMER");
    assertThat(notices(rma)).containsExactly(
        "SUBMISSION_RECEIVED", "ARRANGEMENT", "QUOTE", "PAYMENT_RECEIVED", "SHIPPED_BACK", "CASE_CLOSED");
  }

  @Test
  void aDeclinedQuoteReturnsTheDeviceUnrepaired() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    diagnose(rma, "LIQUID_DAMAGE", true);
    assertThat(caseOf(rma).warranty().coverage()).isEqualTo(Coverage.PAID);

    quotes.decline(rma.number());
    shipBack(rma);

    assertThat(rma.instance()).isEnded().hasPassed(QUOTE_DECLINED, END_DEVICE_RETURNED)
        .hasNotPassed(REPAIR_DEVICE.id(), RECORD_PAYMENT);
    assertClosed(rma, Resolution.RETURNED_UNREPAIRED);
    assertThat(caseOf(rma).returnReplacedParts()).isFalse();
  }

  @Test
  void anUnpaidQuoteReturnsTheDeviceUnrepairedAfterOneMonth() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    diagnose(rma, "MAN_MADE_DAMAGE", true);
    assertThat(driver.timer(rma.number(), PAYMENT_DEADLINE_TIMER).getDuedate().toInstant())
        .isEqualTo(NOW.plusMonths(1).toInstant());

    driver.fireTimer(rma.number(), PAYMENT_DEADLINE_TIMER);
    shipBack(rma);

    assertThat(rma.instance()).isEnded().hasPassed(PAYMENT_DEADLINE_TIMER, END_DEVICE_RETURNED)
        .hasNotPassed(REPAIR_DEVICE.id(), RECORD_PAYMENT);
    assertClosed(rma, Resolution.RETURNED_UNREPAIRED);
  }

  @Test
  void aPaymentWithoutAnOpenQuoteIsRefused() {
    Case rma = inDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));

    assertThatThrownBy(() -> payments.receive(rma.number(), "PAY-X", BigDecimal.TEN, "CNY"))
        .isInstanceOf(CaseNotAwaitingException.class);
    assertThat(rma.instance()).isWaitingAt(DIAGNOSE_FAULT.id());
  }

  // --- proof of purchase -------------------------------------------------------------------

  @Test
  void missingProofIsRequestedAndAValidProofMakesTheRepairFree() {
    Case rma = inDiagnosis(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false));

    diagnose(rma, "MANUFACTURING_DEFECT", false);

    assertThat(rma.instance()).isWaitingAt(AWAIT_PROOF).hasPassed(REQUEST_PROOF);
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.AWAITING_PROOF);
    assertThat(caseOf(rma).warranty().coverage()).isEqualTo(Coverage.PROOF_REQUIRED);
    assertThat(driver.timer(rma.number(), PROOF_DEADLINE_TIMER).getDuedate().toInstant()).isEqualTo(NOW.plusDays(7).toInstant());

    warranty.submitProof(rma.number(), "INV-PROOF-1", TODAY.minusMonths(3), TODAY.minusMonths(3).plusDays(2));
    driver.complete(rma.number(), VERIFY_PROOF, Map.of(PROOF_OF_PURCHASE_VALID.name(), true));

    RmaCase decided = caseOf(rma);
    assertThat(decided.warranty().coverage()).isEqualTo(Coverage.FREE);
    assertThat(decided.warranty().basis()).isEqualTo(WarrantyBasis.INVOICE_DATE);
    assertThat(decided.invoiceNumber()).isEqualTo("INV-PROOF-1");
    repairAndPassQualityCheck(rma);
    shipBack(rma);
    assertThat(rma.instance()).isEnded().hasPassed(VERIFY_PROOF.id(), END_DEVICE_RETURNED).hasNotPassed(PREPARE_QUOTE);
    assertClosed(rma, Resolution.REPAIRED);
    assertThat(notices(rma)).contains("PROOF_REQUESTED");
  }

  @Test
  void withoutProofWithinSevenDaysTheRepairIsPaid() {
    Case rma = inDiagnosis(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false));
    diagnose(rma, "MANUFACTURING_DEFECT", false);

    driver.fireTimer(rma.number(), PROOF_DEADLINE_TIMER);

    assertThat(caseOf(rma).warranty().coverage()).isEqualTo(Coverage.PAID);
    assertThat(caseOf(rma).warranty().reason()).contains("No valid proof");
    assertThat(rma.instance()).hasPassed(PROOF_DEADLINE_TIMER, SEND_QUOTE).hasNotPassed(VERIFY_PROOF.id());
    quotes.decline(rma.number());
    shipBack(rma);
    assertThat(rma.instance()).isEnded().hasPassed(END_DEVICE_RETURNED);
    assertClosed(rma, Resolution.RETURNED_UNREPAIRED);
  }

  // --- at any time while open ---------------------------------------------------------

  @Test
  void aComplaintIsAcknowledgedAndHandledWhileTheCaseGoesOn() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));

    complaints.file(rma.number(), "Nobody called me back");
    driver.runAsyncSteps(rma.number());

    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL, HANDLE_COMPLAINT.id()).hasPassed(ACKNOWLEDGE_COMPLAINT);
    driver.complete(rma.number(), HANDLE_COMPLAINT, Map.of(COMPLAINT_OUTCOME.name(), "ANSWERED",
        COMPLAINT_RESPONSE.name(), "Sorry: we called you back today"));

    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL).hasPassed(SEND_COMPLAINT_ANSWER, END_COMPLAINT_HANDLED)
        .hasNotPassed(APPROVE_COMPLAINT_REFUND);
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.AWAITING_DEVICE);
    assertThat(notices(rma)).containsExactly("SUBMISSION_RECEIVED", "ARRANGEMENT", "COMPLAINT_RECEIVED", "COMPLAINT_ANSWERED");
    assertThat(complaints.filedBetween(List.of(rma.number()), NOW.minusDays(1), NOW.plusDays(1)))
        .singleElement().satisfies(complaint -> {
          assertThat(complaint.outcome()).isEqualTo(ComplaintOutcome.ANSWERED);
          assertThat(complaint.answeredInTime()).isTrue();
        });
    assertThat(timeline(rma, "COMPLAINT_FILED")).containsExactly("Nobody called me back");
    driver.fireTimer(rma.number(), PARCEL_NOT_RECEIVED_TIMER);
    assertThat(rma.instance()).isEnded().hasPassed(END_CLOSED_NOT_RECEIVED);
  }

  @Test
  void aRefundApprovedOnAComplaintAboutAPaidRepairEndsTheCaseInARefundOfWhatWasPaid() {
    Case rma = paidAndInRepair();
    complaints.file(rma.number(), "The quote was far too high for a loose connector");
    driver.runAsyncSteps(rma.number());

    driver.complete(rma.number(), HANDLE_COMPLAINT, Map.of(COMPLAINT_OUTCOME.name(), "REFUND_APPROVED",
        COMPLAINT_RESPONSE.name(), "You are right; we return your payment"));

    // The refund interrupts the case wherever it was: the repair and the open invoice task end.
    assertThat(rma.instance()).hasPassed(APPROVE_COMPLAINT_REFUND, END_REFUND_ON_COMPLAINT, PREPARE_REFUND)
        .hasNotPassed(SEND_COMPLAINT_ANSWER);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(rma.number()).list())
        .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).containsExactly(ARRANGE_REFUND.id());
    assertThat(caseOf(rma).status()).isEqualTo(CaseStatus.AWAITING_REFUND);
    assertThat(caseOf(rma).refund()).isEqualTo(new RmaCase.Refund(RefundCause.COMPLAINT, new BigDecimal("170.07"), "CNY",
        rma.number()));
    assertThat(taskService.getVariable(driver.task(rma.number(), ARRANGE_REFUND).getId(), REFUND_SUMMARY.name()))
        .asString().contains("customer's complaint", "170.07 CNY");
    driver.complete(rma.number(), ARRANGE_REFUND, Map.of(REFUND_REFERENCE.name(), "RF-C-1"));

    assertThat(rma.instance()).isEnded().hasPassed(END_REFUNDED).hasNotPassed(END_QUALITY_FAILED_TWICE);
    assertClosed(rma, Resolution.REFUNDED);
    assertThat(notices(rma)).endsWith("COMPLAINT_RECEIVED", "COMPLAINT_ANSWERED", "REFUND");
  }

  @Test
  void aRefundOnAComplaintIsRefusedWhenTheCustomerPaidNothing() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));
    complaints.file(rma.number(), "Too slow");
    driver.runAsyncSteps(rma.number());

    assertThatThrownBy(() -> driver.complete(rma.number(), HANDLE_COMPLAINT, Map.of(
        COMPLAINT_OUTCOME.name(), "REFUND_APPROVED", COMPLAINT_RESPONSE.name(), "Here is your money")))
        .hasMessageContaining("Outcome cannot be a refund: the customer has paid nothing");

    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL, HANDLE_COMPLAINT.id());
    assertThat(caseOf(rma).refund()).isNull();
  }

  // --- service contracts and the rework warranty ----------------------------------------------

  @Test
  void anActiveContractMakesAnOutOfWarrantyDefectFreeAndTheCaseAnsweredWithinItsServiceLevels() {
    String serial = Applications.newSerial();
    String contract = activeContract(serial);
    Case rma = inRemoteDiagnosis(Applications.application(
        serial, SalesChannel.OFFICIAL_STORE, TODAY.minusYears(3), TODAY.minusYears(3), false));

    // The contract's 2 and 16 working hours, not the centre's 4 and 24: Tuesday 10:00 plus 2 hours,
    // and plus 16 hours of 9-hour days (8 on Tuesday, 8 on Wednesday from 09:00).
    assertThat(driver.timer(rma.number(), RESPONSE_SLA_TIMER).getDuedate().toInstant())
        .isEqualTo(NOW.plusHours(2).toInstant());
    assertThat(driver.timer(rma.number(), RESOLUTION_SLA_TIMER).getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-03-11T17:00:00+08:00").toInstant());
    assertThat(caseOf(rma).entitlement().contractNumber()).isEqualTo(contract);
    driver.complete(rma.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "SEND_IN"));
    shipIn.reportArrival(rma.number(), "SF-IN-C");
    driver.complete(rma.number(), INSPECT_PARCEL, Map.of(PARCEL_CONDITION.name(), "INTACT", SERIAL_MATCHES.name(), true));
    diagnose(rma, "MANUFACTURING_DEFECT", true);

    RmaCase decided = caseOf(rma);
    assertThat(decided.warranty().coverage()).isEqualTo(Coverage.FREE);
    assertThat(decided.warranty().basis()).isEqualTo(WarrantyBasis.CONTRACT);
    assertThat(decided.warranty().reason()).contains("service contract " + contract);
    assertThat(rma.instance()).isWaitingAt(REPAIR_DEVICE.id()).hasNotPassed(PREPARE_QUOTE);
    assertThat(timeline(rma, "ENTITLEMENT")).singleElement().asString()
        .contains(contract, "first response within 2 working hours", "within 16 working hours");
  }

  @Test
  void aSuspendedContractGivesNoEntitlementAndTheReasonSaysSo() {
    String serial = Applications.newSerial();
    // Moved over with January unpaid since the 5th: more than 30 days overdue, suspended at once.
    String contract = registrations.register(new ContractRegistration(Contracts.customer("it@example.com", "zh"),
        ContractPlan.MAINTENANCE, List.of(serial), null, LocalDate.parse("2025-12-01"), LocalDate.parse("2026-11-30"),
        Billing.MONTHLY, new ContractRegistration.Fee(new BigDecimal("100.00"), "CNY"), null, LocalDate.parse("2025-12-31")),
        null).contractNumber();
    driver.runAsyncSteps(contract);
    assertThat(contracts.get(contract).status()).isEqualTo(ContractStatus.SUSPENDED);
    Case rma = inDiagnosis(Applications.application(
        serial, SalesChannel.OFFICIAL_STORE, TODAY.minusYears(3), TODAY.minusYears(3), false));

    diagnose(rma, "MANUFACTURING_DEFECT", true);

    RmaCase decided = caseOf(rma);
    assertThat(decided.entitlement()).isNull();
    assertThat(decided.warranty().coverage()).isEqualTo(Coverage.PAID);
    assertThat(decided.warranty().reason()).contains("service contract " + contract + " is SUSPENDED");
    assertThat(timeline(rma, "ENTITLEMENT")).singleElement().asString().contains(contract, "SUSPENDED", "no entitlement");
  }

  @Test
  void aDeviceBackWithinSevenDaysOfItsPaidRepairIsAnUrgentFreeRework() {
    Case earlier = paidRepairClosed();
    driver.setClock(NOW.plusDays(6).toInstant());
    Case rework = inRemoteDiagnosis(Applications.application(
        caseOf(earlier).serialNumber(), SalesChannel.OFFICIAL_STORE, TODAY.minusYears(2), TODAY.minusYears(2), false));

    RmaCase filed = caseOf(rework);
    assertThat(filed.reworkOf()).isEqualTo(earlier.number());
    assertThat(filed.priority()).isEqualTo(Priority.HIGH);
    assertThat(driver.task(rework.number(), REMOTE_DIAGNOSIS).getPriority()).isEqualTo(75);
    driver.complete(rework.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "SEND_IN"));
    shipIn.reportArrival(rework.number(), "SF-IN-R");
    driver.complete(rework.number(), INSPECT_PARCEL, Map.of(PARCEL_CONDITION.name(), "INTACT", SERIAL_MATCHES.name(), true));
    diagnose(rework, "MANUFACTURING_DEFECT", true);

    assertThat(caseOf(rework).warranty().coverage()).isEqualTo(Coverage.FREE);
    assertThat(caseOf(rework).warranty().basis()).isEqualTo(WarrantyBasis.REWORK);
    assertThat(rework.instance()).isWaitingAt(REPAIR_DEVICE.id()).hasNotPassed(PREPARE_QUOTE);
    assertThat(taskService.getVariable(driver.task(rework.number(), REPAIR_DEVICE).getId(), REWORK_SUMMARY.name()))
        .asString().contains(earlier.number(), "closed REPAIRED", "MANUFACTURING_DEFECT", "MB-X200", "170.07 CNY");
  }

  @Test
  void aReworkOfAPaidRepairThatFailsQualityTwiceRefundsWhatWasPaidForTheEarlierRepair() {
    Case earlier = paidRepairClosed();
    driver.setClock(NOW.plusDays(7).toInstant());
    Case rework = inDiagnosis(Applications.application(
        caseOf(earlier).serialNumber(), SalesChannel.OFFICIAL_STORE, TODAY.minusYears(2), TODAY.minusYears(2), false));
    diagnose(rework, "MANUFACTURING_DEFECT", true);
    driver.complete(rework.number(), REPAIR_DEVICE, Map.of(REPAIR_METHOD.name(), "PART_REPLACEMENT"));
    driver.complete(rework.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), false));
    driver.complete(rework.number(), REPLACE_DEVICE, Map.of(REPLACEMENT_SERIAL_NUMBER.name(), "SN-X200-NEW-R"));

    driver.complete(rework.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), false));

    assertThat(caseOf(rework).refund()).isEqualTo(new RmaCase.Refund(RefundCause.QUALITY_FAILED, new BigDecimal("170.07"),
        "CNY", earlier.number()));
    assertThat(taskService.getVariable(driver.task(rework.number(), ARRANGE_REFUND).getId(), REFUND_SUMMARY.name()))
        .asString().contains("170.07 CNY", earlier.number());
    driver.complete(rework.number(), ARRANGE_REFUND, Map.of(REFUND_REFERENCE.name(), "RF-R-1"));
    assertClosed(rework, Resolution.REFUNDED);
  }

  @Test
  void aDeviceBackLaterThanSevenDaysIsANewCase() {
    Case earlier = paidRepairClosed();
    driver.setClock(NOW.plusDays(7).plusMinutes(1).toInstant());

    Case later = submit(Applications.application(
        caseOf(earlier).serialNumber(), SalesChannel.OFFICIAL_STORE, TODAY.minusYears(2), TODAY.minusYears(2), false));

    assertThat(caseOf(later).reworkOf()).isNull();
    assertThat(caseOf(later).priority()).isEqualTo(Priority.MEDIUM);
  }

  @Test
  void aCaseCancelledBeforeTheParcelArrivedIsClosedCancelled() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));

    cancellations.cancel(rma.number(), "Works again");
    driver.runAsyncSteps(rma.number());

    assertThat(rma.instance()).isEnded().hasPassed(END_CANCELLED).hasNotPassed(INSPECT_PARCEL.id());
    assertClosed(rma, Resolution.CANCELLED);
    assertThat(timeline(rma, "CANCELLATION_REQUESTED")).containsExactly("Works again");
    assertThat(notices(rma)).endsWith("CASE_CLOSED");
  }

  @Test
  void aCancellationAfterTheParcelArrivedIsRefusedAndTheCaseGoesOn() {
    Case rma = awaitingParcel(Applications.withInvoice(TODAY.minusMonths(2)));
    shipIn.reportArrival(rma.number(), "SF-IN-1");

    assertThatThrownBy(() -> cancellations.cancel(rma.number(), "Changed my mind"))
        .isInstanceOf(CaseNotAwaitingException.class).hasMessageContaining("parcel has arrived");

    assertThat(rma.instance()).isWaitingAt(INSPECT_PARCEL.id());
    assertThat(timeline(rma, "CANCELLATION_REQUESTED")).isEmpty();
  }

  // --- service levels --------------------------------------------------------------------

  @Test
  void anUnclaimedTriagePastItsResponseAndResolutionTimesIsEscalatedWhileTheCaseGoesOn() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    assertThat(driver.task(rma.number(), REMOTE_DIAGNOSIS).getPriority()).isEqualTo(50);

    driver.fireTimer(rma.number(), RESPONSE_SLA_TIMER);

    assertThat(rma.instance()).isWaitingAt(REMOTE_DIAGNOSIS.id(), HANDLE_ESCALATION.id()).hasNotPassed(END_RESPONSE_IN_TIME);
    assertThat(driver.task(rma.number(), REMOTE_DIAGNOSIS).getPriority()).isEqualTo(75);
    assertThat(driver.task(rma.number(), HANDLE_ESCALATION).getName()).isEqualTo("Handle escalation");
    driver.complete(rma.number(), HANDLE_ESCALATION, Map.of(ESCALATION_NOTE.name(), "Assigned to Wang"));

    driver.fireTimer(rma.number(), RESOLUTION_SLA_TIMER);
    assertThat(driver.task(rma.number(), REMOTE_DIAGNOSIS).getPriority()).isEqualTo(100);
    driver.complete(rma.number(), HANDLE_ESCALATION, Map.of(ESCALATION_NOTE.name(), "Called the customer"));
    driver.complete(rma.number(), REMOTE_DIAGNOSIS, Map.of(REMOTE_OUTCOME.name(), "RESOLVED"));

    assertThat(rma.instance()).isEnded().hasPassed(END_ESCALATION_HANDLED, END_RESOLVED_REMOTELY);
    assertThat(timeline(rma, "SLA_BREACHED")).hasSize(2).allSatisfy(detail -> assertThat(detail).contains("Diagnose fault remotely"));
  }

  @Test
  void aTriageClaimedInTimeMeetsItsResponseTime() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    taskService.claim(driver.task(rma.number(), REMOTE_DIAGNOSIS).getId(), "desk");

    driver.fireTimer(rma.number(), RESPONSE_SLA_TIMER);

    assertThat(rma.instance()).isWaitingAt(REMOTE_DIAGNOSIS.id()).hasPassed(END_RESPONSE_IN_TIME)
        .hasNotPassed(HANDLE_ESCALATION.id());
    assertThat(driver.task(rma.number(), REMOTE_DIAGNOSIS).getPriority()).isEqualTo(50);
    assertThat(timeline(rma, "SLA_BREACHED")).isEmpty();
  }

  @Test
  void aComplaintLeftUnansweredPastItsDueDateRisesInPriority() {
    Case rma = inRemoteDiagnosis(Applications.withInvoice(TODAY.minusMonths(2)));
    complaints.file(rma.number(), "Nobody called me back");
    driver.runAsyncSteps(rma.number());

    driver.fireTimer(rma.number(), COMPLAINT_SLA_TIMER);

    assertThat(rma.instance()).hasPassed(END_COMPLAINT_ESCALATED).isWaitingAt(REMOTE_DIAGNOSIS.id(), HANDLE_COMPLAINT.id());
    assertThat(driver.task(rma.number(), HANDLE_COMPLAINT).getPriority()).isEqualTo(75);
    assertThat(timeline(rma, "SLA_BREACHED")).singleElement().asString().startsWith("COMPLAINT");
  }

  // --- steps shared by the paths -----------------------------------------------------------

  /** Out of warranty, quoted 170.07 CNY, paid, and at the repair bench. */
  private Case paidAndInRepair() {
    Case rma = inDiagnosis(Applications.application(
        Applications.newSerial(), SalesChannel.OFFICIAL_STORE, TODAY.minusYears(2), TODAY.minusYears(2), false));
    diagnose(rma, "MANUFACTURING_DEFECT", true);
    payments.receive(rma.number(), "PAY-" + rma.number(), new BigDecimal("170.07"), "CNY");
    driver.runAsyncSteps(rma.number());
    assertThat(rma.instance()).isWaitingAt(REPAIR_DEVICE.id(), ISSUE_INVOICE.id());
    return rma;
  }

  /** A paid repair, closed REPAIRED on {@link #NOW}. */
  private Case paidRepairClosed() {
    Case rma = paidAndInRepair();
    repairAndPassQualityCheck(rma);
    shipBack(rma);
    assertClosed(rma, Resolution.REPAIRED);
    return rma;
  }

  /** A maintenance contract moved over, paid to the end of March, promising 2 hours' response and 16 to resolve. */
  private String activeContract(String serial) {
    String contract = registrations.register(new ContractRegistration(Contracts.customer("it@example.com", "zh"),
        ContractPlan.MAINTENANCE, List.of(serial), null, LocalDate.parse("2026-03-01"), LocalDate.parse("2027-02-28"),
        Billing.MONTHLY, new ContractRegistration.Fee(new BigDecimal("100.00"), "CNY"),
        new ContractRegistration.RequestedServiceLevels(2, Map.of(Priority.MEDIUM, 16), null),
        LocalDate.parse("2026-03-31")), null).contractNumber();
    driver.runAsyncSteps(contract);
    assertThat(contracts.get(contract).status()).isEqualTo(ContractStatus.ACTIVE);
    return contract;
  }

  record Case(String number, ProcessInstance instance) {}

  private Case submit(RmaApplication application) {
    ProcessInstance instance = driver.submit(application);
    assertThat(instance.getBusinessKey()).matches("RMA-2026-\\d{6}");
    return new Case(instance.getBusinessKey(), instance);
  }

  private Case inRemoteDiagnosis(RmaApplication application) {
    Case rma = submit(application);
    assertThat(rma.instance()).isWaitingAt(REMOTE_DIAGNOSIS.id());
    return rma;
  }

  private Case awaitingParcel(RmaApplication application) {
    Case rma = inRemoteDiagnosis(application);
    driver.sendIn(rma.number());
    assertThat(rma.instance()).isWaitingAt(AWAIT_PARCEL);
    return rma;
  }

  private Case inDiagnosis(RmaApplication application) {
    Case rma = awaitingParcel(application);
    driver.receiveIntact(rma.number());
    assertThat(rma.instance()).isWaitingAt(DIAGNOSE_FAULT.id());
    return rma;
  }

  private void diagnose(Case rma, String faultCause, boolean proofValid) {
    driver.diagnose(rma.number(), faultCause, proofValid);
  }

  private void repairAndPassQualityCheck(Case rma) {
    driver.complete(rma.number(), REPAIR_DEVICE, Map.of(REPAIR_METHOD.name(), "PART_REPLACEMENT", REPLACED_PARTS.name(), "MB-X200"));
    driver.complete(rma.number(), QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), true));
  }

  private void shipBack(Case rma) {
    driver.complete(rma.number(), SHIP_DEVICE, Map.of(RETURN_CARRIER.name(), "YTO", RETURN_TRACKING_NUMBER.name(), "YT-RETURN-1"));
  }

  private RmaCase caseOf(Case rma) {
    return cases.get(rma.number());
  }

  private void assertClosed(Case rma, Resolution resolution) {
    RmaCase closed = caseOf(rma);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo(resolution);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(cases.openCaseFor(closed.serialNumber())).isEmpty();
  }

  private List<String> notices(Case rma) {
    return timeline(rma, "NOTICE").stream().map(detail -> detail.split(" ")[0]).toList();
  }

  private List<String> statuses(Case rma) {
    return timeline(rma, "STATUS_CHANGED");
  }

  private List<String> timeline(Case rma, String event) {
    return cases.timeline(rma.number()).stream()
        .filter(entry -> entry.event().equals(event)).map(TimelineEntry::detail).toList();
  }
}
