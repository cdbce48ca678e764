package io.rmaflow.complaint;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_TEXT;

import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (service terms 002 第四条(三)3; post-sale policy 3.4): accepted at any time
 * while the case is open, acknowledged to the customer and handled by a service manager,
 * while the case itself goes on.
 */
@Service
public class ComplaintService {

  private final CaseMessages messages;
  private final CaseFile caseFile;

  public ComplaintService(CaseMessages messages, CaseFile caseFile) {
    this.messages = messages;
    this.caseFile = caseFile;
  }

  /** Message {@code ComplaintFiled}. */
  @Transactional
  public void file(String rmaNumber, String text) {
    Map<String, Object> variables = new HashMap<>();
    COMPLAINT_TEXT.putInto(variables, text);
    messages.correlateWithLocalVariables(rmaNumber, Messages.COMPLAINT_FILED, variables);
    caseFile.record(rmaNumber, "COMPLAINT_FILED", text);
  }
}
