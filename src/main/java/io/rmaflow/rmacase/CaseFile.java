package io.rmaflow.rmacase;

import io.rmaflow.process.FaultCause;
import io.rmaflow.process.ParcelCondition;
import io.rmaflow.process.RepairMethod;
import io.rmaflow.process.Resolution;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.support.Price;
import io.rmaflow.support.RmaClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The case's business record: facts, status and timeline, kept in this module's tables as the
 * process moves. Each fact has its own typed method, which also lists it in the timeline where
 * the customer or staff read it; every write stamps the case's {@code updated_at}.
 */
@Service
public class CaseFile {

  private final RmaCaseRepository repository;
  private final CaseDocuments documents;
  private final RmaClock clock;
  private final ApplicationEventPublisher events;

  CaseFile(RmaCaseRepository repository, CaseDocuments documents, RmaClock clock, ApplicationEventPublisher events) {
    this.repository = repository;
    this.documents = documents;
    this.clock = clock;
    this.events = events;
  }

  /** @throws UnknownRmaException when there is no such case */
  public RmaCase get(String rmaNumber) {
    return repository.get(rmaNumber);
  }

  public Optional<RmaCase> find(String rmaNumber) {
    return repository.find(rmaNumber);
  }

  public List<TimelineEntry> timeline(String rmaNumber) {
    return repository.timeline(rmaNumber);
  }

  /** The open case of a serial number; there is at most one. */
  public Optional<String> openCaseFor(String serialNumber) {
    return repository.findOpenCaseFor(serialNumber);
  }

  /**
   * Files a new case as submitted.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the serial number has an open case
   */
  public void open(NewCase newCase) {
    repository.insert(newCase);
    record(newCase.rmaNumber(), TimelineEvent.STATUS_CHANGED, CaseStatus.SUBMITTED.name());
    events.publishEvent(new CaseOpened(newCase.rmaNumber()));
  }

  /** A document the customer sent, kept with the case; answers it without its content. */
  public CaseDocument attach(String rmaNumber, CaseDocument.Kind kind, String fileName, String contentType, byte[] data) {
    CaseDocument document = documents.insert(rmaNumber, kind, fileName, contentType, data, clock.nowOffset());
    record(rmaNumber, TimelineEvent.DOCUMENT_RECEIVED, kind + ": " + document.fileName() + " (" + contentType + ", "
        + data.length + " bytes)");
    return document;
  }

  /** The case's documents, without their content. */
  public List<CaseDocument> documents(String rmaNumber) {
    return documents.of(rmaNumber);
  }

  /** One document of the case with its content. */
  public Optional<CaseDocument> document(String rmaNumber, long id) {
    return documents.find(rmaNumber, id);
  }

  /** A line of the timeline that records no fact of its own (a notice, a breach, an acceptance). */
  public void record(String rmaNumber, TimelineEvent event, String detail) {
    repository.appendTimeline(rmaNumber, clock.nowOffset(), event, detail);
  }

  /** Moves the case to a status; a change is listed in the timeline, a repeat is not. */
  public void changeStatus(String rmaNumber, CaseStatus status) {
    if (repository.changeStatus(rmaNumber, status, clock.nowOffset())) {
      record(rmaNumber, TimelineEvent.STATUS_CHANGED, status.name());
    }
  }

  void close(String rmaNumber, Resolution resolution, OffsetDateTime now) {
    repository.close(rmaNumber, resolution, now);
    record(rmaNumber, TimelineEvent.STATUS_CHANGED, CaseStatus.CLOSED.name() + " " + resolution.name());
  }

  public void recordEligibility(String rmaNumber, ProductCategory category, String finding) {
    repository.recordProductCategory(rmaNumber, clock.nowOffset(), category);
    record(rmaNumber, TimelineEvent.ELIGIBILITY_CHECKED, finding);
  }

  public void recordShipInDeadlines(String rmaNumber, OffsetDateTime shipBy, OffsetDateTime autoCloseAt) {
    repository.recordShipInDeadlines(rmaNumber, clock.nowOffset(), shipBy, autoCloseAt);
  }

  public void recordInboundShipment(String rmaNumber, String carrier, String trackingNumber) {
    repository.recordInboundShipment(rmaNumber, clock.nowOffset(), carrier, trackingNumber);
    record(rmaNumber, TimelineEvent.DEVICE_SHIPPED, carrier + " " + trackingNumber);
  }

  public void recordArrival(String rmaNumber, String trackingNumber) {
    record(rmaNumber, TimelineEvent.PARCEL_ARRIVED, trackingNumber);
  }

  public void recordParcelCondition(String rmaNumber, ParcelCondition condition) {
    repository.recordParcelCondition(rmaNumber, clock.nowOffset(), condition);
  }

  public void recordDiagnosis(String rmaNumber, FaultCause cause, RepairMethod repairMethod, BigDecimal partsCost,
      BigDecimal labourCost) {
    repository.recordDiagnosis(rmaNumber, clock.nowOffset(), cause, repairMethod, partsCost, labourCost);
  }

  public void recordWarrantyDecision(String rmaNumber, WarrantyDecision decision) {
    repository.recordWarrantyDecision(rmaNumber, clock.nowOffset(), decision);
    record(rmaNumber, TimelineEvent.WARRANTY_DECIDED, decision.coverage() + ": " + decision.reason());
  }

  public void recordProofRequested(String rmaNumber, OffsetDateTime dueBy) {
    repository.recordProofDueBy(rmaNumber, clock.nowOffset(), dueBy);
  }

  /** The customer's (new) proof of purchase. */
  public void recordProofOfPurchase(String rmaNumber, String invoiceNumber, LocalDate invoiceDate, LocalDate deliveryDate) {
    repository.recordInvoice(rmaNumber, clock.nowOffset(), invoiceNumber, invoiceDate, deliveryDate);
    record(rmaNumber, TimelineEvent.PROOF_SUBMITTED, "Invoice " + invoiceNumber + " of " + invoiceDate);
  }

  public void recordQuote(String rmaNumber, Price quote) {
    repository.recordQuote(rmaNumber, clock.nowOffset(), quote.net(), quote.tax(), quote.gross(), quote.currency());
    record(rmaNumber, TimelineEvent.QUOTE_PREPARED, quote.gross().toPlainString() + " " + quote.currency()
        + " (net " + quote.net().toPlainString() + ", tax " + quote.tax().toPlainString() + ")");
  }

  public void recordQuoteSent(String rmaNumber, OffsetDateTime notifiedAt, OffsetDateTime paymentDueBy) {
    repository.recordQuoteSent(rmaNumber, clock.nowOffset(), notifiedAt, paymentDueBy);
  }

  public void recordPayment(String rmaNumber, RmaCase.Payment payment) {
    repository.recordPayment(rmaNumber, clock.nowOffset(), payment);
    record(rmaNumber, TimelineEvent.PAYMENT_RECEIVED,
        payment.amount().toPlainString() + " " + payment.currency() + ", reference " + payment.reference());
  }

  public void recordVatInvoice(String rmaNumber, String invoiceNumber) {
    repository.recordVatInvoice(rmaNumber, clock.nowOffset(), invoiceNumber);
  }

  public void recordRepair(String rmaNumber, RepairMethod repairMethod, String replacedParts) {
    repository.recordRepair(rmaNumber, clock.nowOffset(), repairMethod, replacedParts);
  }

  /** A failed quality check counts towards replacement and, the second time, refund. */
  public void recordQualityCheck(String rmaNumber, boolean passed) {
    if (!passed) {
      repository.countQualityFailure(rmaNumber, clock.nowOffset());
    }
  }

  public void recordReplacement(String rmaNumber, String replacementSerialNumber) {
    repository.recordReplacement(rmaNumber, clock.nowOffset(), replacementSerialNumber);
  }

  public void recordRefund(String rmaNumber, String refundReference) {
    repository.recordRefund(rmaNumber, clock.nowOffset(), refundReference);
  }

  /** A refund the centre owes (see {@link RmaCase.Refund}), in the timeline with its amount. */
  public void recordRefundApproved(String rmaNumber, RmaCase.Refund refund) {
    repository.recordRefundApproved(rmaNumber, clock.nowOffset(), refund);
    record(rmaNumber, TimelineEvent.REFUND_APPROVED, refund.cause() + ": " + (refund.amount() == null
        ? "no payment to return, the product's price is refunded"
        : refund.amount().toPlainString() + " " + refund.currency() + " paid for " + refund.paymentOf()));
  }

  /** What goes back and who pays the freight, as logistics will see it. */
  public void recordReturnPlan(String rmaNumber, Resolution resolution, boolean returnReplacedParts, String freightPaidBy) {
    repository.recordReturnPlan(rmaNumber, clock.nowOffset(), returnReplacedParts, freightPaidBy);
    record(rmaNumber, TimelineEvent.RETURN_PREPARED, resolution + ", freight paid by " + freightPaidBy
        + (returnReplacedParts ? ", replaced parts go back in the parcel" : ""));
  }

  public void recordReturnShipment(String rmaNumber, String carrier, String trackingNumber) {
    repository.recordReturnShipment(rmaNumber, clock.nowOffset(), carrier, trackingNumber);
  }

  /** What a staff member entered in a task, in the timeline (notes included, so personal). */
  public void recordTaskResults(String rmaNumber, String taskName, String results) {
    record(rmaNumber, TimelineEvent.TASK_COMPLETED, taskName + ": " + results);
  }

  public void recordComplaint(String rmaNumber, String text) {
    record(rmaNumber, TimelineEvent.COMPLAINT_FILED, text);
  }

  public void recordCancellationRequest(String rmaNumber, String reason) {
    repository.recordCancellationReason(rmaNumber, clock.nowOffset(), reason);
    record(rmaNumber, TimelineEvent.CANCELLATION_REQUESTED, reason);
  }

  /** A later rating replaces an earlier one; the timeline keeps both. */
  public void recordFeedback(String rmaNumber, int rating, String comment) {
    repository.recordFeedback(rmaNumber, clock.nowOffset(), rating, comment);
    record(rmaNumber, TimelineEvent.FEEDBACK, rating + "/5" + (comment == null || comment.isBlank() ? "" : ": " + comment));
  }

  /** Closed cases whose personal data is still kept and was closed before {@code cutoff}. */
  public List<String> closedBeforeWithPersonalData(OffsetDateTime cutoff) {
    return repository.closedBeforeWithPersonalData(cutoff);
  }

  /**
   * Removes the customer's name, contact, street address and every personal line of the
   * timeline; what reports need stays (service agreement 3.7).
   */
  public void removePersonalData(String rmaNumber) {
    repository.anonymise(rmaNumber, clock.nowOffset());
    documents.removeAll(rmaNumber);
    events.publishEvent(new PersonalDataRemoved(rmaNumber));
  }
}
