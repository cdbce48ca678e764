package io.rmaflow.complaint;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_DUE_BY;
import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_TEXT;

import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.support.RmaClock;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.sla.SlaPlan;
import java.util.HashMap;
import java.util.Map;
import io.rmaflow.support.Transactions;
import org.springframework.stereotype.Service;

/**
 * Complaints (service terms 002 第四条(三)3; post-sale policy 3.4): accepted at any time
 * while the case is open, acknowledged to the customer and handled by a service manager,
 * while the case itself goes on.
 */
@Service
public class ComplaintService {

  private final Transactions transactions;
  private final CaseMessages messages;
  private final CaseFile caseFile;

  private final RmaClock clock;
  private final SlaPlan slaPlan;

  public ComplaintService(CaseMessages messages, CaseFile caseFile, Transactions transactions, RmaClock clock,
      SlaPlan slaPlan) {
    this.clock = clock;
    this.slaPlan = slaPlan;
    this.transactions = transactions;
    this.messages = messages;
    this.caseFile = caseFile;
  }

  /** Message {@code ComplaintFiled}. */
  public void file(String rmaNumber, String text) {
    transactions.retryingOnConflict(() -> {
      // A closed case takes no complaint; the API answers 409.
      if (caseFile.get(rmaNumber).status() == CaseStatus.CLOSED) {
        throw new CaseNotAwaitingException(rmaNumber, Messages.COMPLAINT_FILED, "RMA " + rmaNumber + " is closed.");
      }
      Map<String, Object> variables = new HashMap<>();
      COMPLAINT_TEXT.putInto(variables, text);
      // The reply is due from the filing, however long the acknowledgement takes to go out.
      COMPLAINT_DUE_BY.putInto(variables, slaPlan.complaintDue(clock.now().toInstant()));
      messages.correlateWithLocalVariables(rmaNumber, Messages.COMPLAINT_FILED, variables);
      caseFile.recordComplaint(rmaNumber, text);
    });
  }
}
