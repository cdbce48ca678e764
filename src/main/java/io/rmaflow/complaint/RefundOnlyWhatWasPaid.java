package io.rmaflow.complaint;

import static io.rmaflow.process.RmaProcess.Variables.COMPLAINT_OUTCOME;

import io.rmaflow.process.ComplaintOutcome;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.tasklist.CompletionRule;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A complaint ends in a refund only when the customer paid for the repair (or for the one it reworks). */
@Component
class RefundOnlyWhatWasPaid implements CompletionRule {

  private final ComplaintService complaints;

  RefundOnlyWhatWasPaid(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public String taskId() {
    return UserTask.HANDLE_COMPLAINT.id();
  }

  @Override
  public Optional<String> problemWith(DelegateTask task) {
    boolean refund = COMPLAINT_OUTCOME.get(task) == ComplaintOutcome.REFUND_APPROVED;
    if (refund && !complaints.refundable(task.getExecution().getProcessBusinessKey())) {
      return Optional.of("Outcome cannot be a refund: the customer has paid nothing for this repair. Answer the complaint.");
    }
    return Optional.empty();
  }
}
