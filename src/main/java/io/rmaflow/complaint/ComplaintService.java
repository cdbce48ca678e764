package io.rmaflow.complaint;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_DUE_BY;
import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_ID;
import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_TEXT;

import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.process.ComplaintOutcome;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.process.StepKey;
import io.rmaflow.repair.RefundService;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.sla.SlaPlan;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.Transactions;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Complaints (service terms 002 第四条(三)3; post-sale policy 3.4): accepted at any time
 * while the case is open, acknowledged to the customer and handled by a service manager,
 * while the case itself goes on. The manager's reply goes to the customer; a refund approved
 * on a paid case ends the case in a refund of what was paid. Each complaint's clock is kept
 * for the monthly service report.
 */
@Service
public class ComplaintService {

  private final Transactions transactions;
  private final CaseMessages messages;
  private final CaseFile caseFile;
  private final ComplaintRepository complaints;
  private final NotificationService notifications;
  private final RefundService refunds;
  private final RmaClock clock;
  private final SlaPlan slaPlan;

  public ComplaintService(CaseMessages messages, CaseFile caseFile, ComplaintRepository complaints,
      NotificationService notifications, RefundService refunds, Transactions transactions, RmaClock clock,
      SlaPlan slaPlan) {
    this.clock = clock;
    this.slaPlan = slaPlan;
    this.transactions = transactions;
    this.messages = messages;
    this.caseFile = caseFile;
    this.complaints = complaints;
    this.notifications = notifications;
    this.refunds = refunds;
  }

  /** Message {@code ComplaintFiled}. */
  public void file(String rmaNumber, String text) {
    transactions.retryingOnConflict(() -> {
      // A closed case takes no complaint; the API answers 409.
      if (caseFile.get(rmaNumber).status() == CaseStatus.CLOSED) {
        throw new CaseNotAwaitingException(rmaNumber, Messages.COMPLAINT_FILED, "RMA " + rmaNumber + " is closed.");
      }
      OffsetDateTime filedAt = clock.nowOffset();
      // The reply is due from the filing, however long the acknowledgement takes to go out.
      OffsetDateTime dueBy = slaPlan.complaintDue(filedAt.toInstant());
      long id = complaints.insert(rmaNumber, filedAt, dueBy);
      Map<String, Object> variables = new HashMap<>();
      COMPLAINT_ID.putInto(variables, id);
      COMPLAINT_TEXT.putInto(variables, text);
      COMPLAINT_DUE_BY.putInto(variables, dueBy);
      messages.correlateWithLocalVariables(rmaNumber, Messages.COMPLAINT_FILED, variables);
      caseFile.recordComplaint(rmaNumber, text);
    });
  }

  /** The manager's reply goes to the customer; the complaint is answered. */
  void answer(String rmaNumber, long complaintId, String reply, StepKey step) {
    complaints.recordAnswer(complaintId, clock.nowOffset(), ComplaintOutcome.ANSWERED);
    notifications.notify(rmaNumber, NoticeType.COMPLAINT_ANSWERED, step, Map.of("complaintReply", reply));
  }

  /** A refund approved on the complaint: the reply tells the customer what comes back, and the case ends in it. */
  void approveRefund(String rmaNumber, long complaintId, String reply, StepKey step) {
    complaints.recordAnswer(complaintId, clock.nowOffset(), ComplaintOutcome.REFUND_APPROVED);
    refunds.approveOnComplaint(rmaNumber);
    notifications.notify(rmaNumber, NoticeType.COMPLAINT_ANSWERED, step, Map.of("complaintReply", reply));
  }

  /** Whether a refund can be approved on the case's complaint: only when the customer paid (or paid for the repair it reworks). */
  public boolean refundable(String rmaNumber) {
    return refunds.refundable(rmaNumber).isPresent();
  }

  /** The complaints about the given cases filed in {@code [from, until)}, oldest first. */
  public List<Complaint> filedBetween(List<String> rmaNumbers, OffsetDateTime from, OffsetDateTime until) {
    return complaints.filedBetween(rmaNumbers, from, until);
  }
}
