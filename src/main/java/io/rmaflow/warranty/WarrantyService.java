package io.rmaflow.warranty;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.notification.NoticeKey;
import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import io.rmaflow.support.Transactions;
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
    Map<String, Object> columns = new HashMap<>();
    columns.put("warranty_coverage", decision.coverage().name());
    columns.put("warranty_basis", decision.basis().name());
    columns.put("warranty_start", decision.period().start());
    columns.put("warranty_end", decision.period().end());
    columns.put("warranty_reason", decision.reason());
    caseFile.update(rmaNumber, columns);
    caseFile.record(rmaNumber, "WARRANTY_DECIDED", decision.coverage() + ": " + decision.reason());
  }

  /** Asks the customer for proof of purchase, due within the configured days (003 2.3). */
  @Transactional
  public OffsetDateTime requestProof(String rmaNumber, NoticeKey noticeKey) {
    OffsetDateTime dueBy = clock.now().plus(terms.proofWithin()).toOffsetDateTime();
    caseFile.update(rmaNumber, Map.of("proof_due_by", dueBy));
    notifications.notify(rmaNumber, NoticeType.PROOF_REQUESTED, noticeKey);
    return dueBy;
  }

  /** New invoice data from the customer (message {@code ProofSubmitted}). */
  public void submitProof(String rmaNumber, String invoiceNumber, LocalDate invoiceDate, LocalDate deliveryDate) {
    transactions.retryingOnConflict(() -> {
      Map<String, Object> variables = new HashMap<>();
      INVOICE_NUMBER.putInto(variables, invoiceNumber);
      INVOICE_DATE.putInto(variables, invoiceDate);
      DELIVERY_DATE.putInto(variables, deliveryDate);
      messages.correlate(rmaNumber, Messages.PROOF_SUBMITTED, variables);
      Map<String, Object> columns = new HashMap<>();
      columns.put("invoice_number", invoiceNumber);
      columns.put("invoice_date", invoiceDate);
      columns.put("delivery_date", deliveryDate);
      caseFile.update(rmaNumber, columns);
      caseFile.record(rmaNumber, "PROOF_SUBMITTED", "Invoice " + invoiceNumber + " of " + invoiceDate);
    });
  }

  public record WarrantyDecision(Coverage coverage, String reason, WarrantyBasis basis, WarrantyPeriod period) {}
}
