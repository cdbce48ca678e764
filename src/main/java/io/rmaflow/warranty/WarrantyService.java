package io.rmaflow.warranty;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.Coverage;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.process.StepKey;
import io.rmaflow.process.WarrantyBasis;
import io.rmaflow.rmacase.CaseDocument;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Transactions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warranty decision (contract step 6). The rules live in the decision tables
 * {@code warranty-start}, {@code warranty-length} and {@code warranty-coverage}; this
 * service does the date arithmetic between them and files the outcome.
 */
@Service
public class WarrantyService {

  private final Transactions transactions;
  private final CaseFile caseFile;
  private final CaseMessages messages;
  private final NotificationService notifications;
  private final RmaClock clock;
  private final RmaProperties.Warranty terms;

  public WarrantyService(CaseFile caseFile, CaseMessages messages, NotificationService notifications,
      RmaClock clock, RmaProperties properties, Transactions transactions) {
    this.transactions = transactions;
    this.caseFile = caseFile;
    this.messages = messages;
    this.notifications = notifications;
    this.clock = clock;
    this.terms = properties.warranty();
  }

  public void recordDecision(String rmaNumber, WarrantyDecision decision) {
    caseFile.recordWarrantyDecision(rmaNumber, new io.rmaflow.rmacase.WarrantyDecision(decision.coverage(),
        decision.basis(), decision.period().start(), decision.period().end(), decision.reason()));
  }

  /** Asks the customer for proof of purchase, due within the configured days (003 2.3). */
  @Transactional
  public OffsetDateTime requestProof(String rmaNumber, StepKey stepKey) {
    OffsetDateTime dueBy = clock.now().plus(terms.proofWithin()).toOffsetDateTime();
    caseFile.recordProofRequested(rmaNumber, dueBy);
    notifications.notify(rmaNumber, NoticeType.PROOF_REQUESTED, stepKey);
    return dueBy;
  }

  /** New invoice data from the customer (message {@code ProofSubmitted}). */
  public void submitProof(String rmaNumber, String invoiceNumber, LocalDate invoiceDate, LocalDate deliveryDate) {
    submitProof(rmaNumber, invoiceNumber, invoiceDate, deliveryDate, null);
  }

  /** The same with a scan of the invoice, kept with the case for the service desk's check. */
  public void submitProof(String rmaNumber, String invoiceNumber, LocalDate invoiceDate, LocalDate deliveryDate,
      ProofScan scan) {
    transactions.retryingOnConflict(() -> {
      if (scan != null) {
        caseFile.attach(rmaNumber, CaseDocument.Kind.PROOF_OF_PURCHASE, scan.fileName(), scan.contentType(), scan.data());
      }
      Map<String, Object> variables = new HashMap<>();
      INVOICE_NUMBER.putInto(variables, invoiceNumber);
      INVOICE_DATE.putInto(variables, invoiceDate);
      DELIVERY_DATE.putInto(variables, deliveryDate);
      messages.correlate(rmaNumber, Messages.PROOF_SUBMITTED, variables);
      caseFile.recordProofOfPurchase(rmaNumber, invoiceNumber, invoiceDate, deliveryDate);
    });
  }

  public record WarrantyDecision(Coverage coverage, String reason, WarrantyBasis basis, WarrantyPeriod period) {}
}
