package io.rmaflow.feedback;

import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's rating of a closed case (post-sale policy 3.4); a later rating replaces an earlier one. */
@Service
public class FeedbackService {

  private final CaseFile caseFile;

  public FeedbackService(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @Transactional
  public void give(String rmaNumber, int rating, String comment) {
    if (caseFile.get(rmaNumber).status() != CaseStatus.CLOSED) {
      throw new CaseNotAwaitingException(rmaNumber, "Feedback", "RMA " + rmaNumber + " is still open; feedback is taken once it is closed.");
    }
    caseFile.recordFeedback(rmaNumber, rating, comment);
  }
}
