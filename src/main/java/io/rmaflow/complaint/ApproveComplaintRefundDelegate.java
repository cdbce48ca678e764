package io.rmaflow.complaint;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_ID;
import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_RESPONSE;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A refund approved on a complaint: recorded, and the reply with it sent; the model then ends the case in the refund. */
@Component
public class ApproveComplaintRefundDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  ApproveComplaintRefundDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.approveRefund(execution.getProcessBusinessKey(), COMPLAINT_ID.get(execution),
        COMPLAINT_RESPONSE.get(execution), StepKey.of(execution));
  }
}
