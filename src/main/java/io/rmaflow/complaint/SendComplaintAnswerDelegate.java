package io.rmaflow.complaint;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_ID;
import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_RESPONSE;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service manager's reply to a complaint, to the customer. */
@Component
public class SendComplaintAnswerDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  SendComplaintAnswerDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.answer(execution.getProcessBusinessKey(), COMPLAINT_ID.get(execution), COMPLAINT_RESPONSE.get(execution),
        StepKey.of(execution));
  }
}
