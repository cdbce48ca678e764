package io.rmaflow.shipping;

import static io.rmaflow.process.RmaProcess.Variables.SCANNED_RMA_NUMBER;

import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.tasklist.CompletionRule;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The RMA number the dock scans from a parcel's packing slip must be the case's: a parcel
 * opened under another customer's case would be inspected, and answered, as theirs.
 */
@Component
class ScannedParcelIsThisCase implements CompletionRule {

  @Override
  public String taskId() {
    return UserTask.INSPECT_PARCEL.id();
  }

  @Override
  public Optional<String> problemWith(DelegateTask task) {
    String scanned = SCANNED_RMA_NUMBER.get(task);
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    if (scanned == null || scanned.isBlank() || scanned.strip().equalsIgnoreCase(rmaNumber)) {
      return Optional.empty();
    }
    return Optional.of("The parcel's packing slip is for " + scanned.strip() + ", not " + rmaNumber
        + ": inspect it under its own case.");
  }
}
