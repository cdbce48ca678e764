package io.rmaflow.rmacase;

import static io.rmaflow.rmacase.CaseStatus.*;
import static java.util.Map.entry;

import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.process.RmaProcess.UserTask;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case's status in step with the process: when the lifecycle enters one of these
 * elements, the case takes its status. Listening to the engine's execution events keeps the
 * model free of status bookkeeping. A status that says the centre waits for the customer is
 * taken where the case starts to wait (the receive task, the event-based gateways), in the
 * transaction that also creates the deadline's timer, so the two are never seen apart.
 */
@Component
class CaseStatusTracker {

  static final Map<String, CaseStatus> STATUS_ON_ENTERING = Map.ofEntries(
      entry(UserTask.REMOTE_DIAGNOSIS.id(), IN_REMOTE_DIAGNOSIS),
      entry(UserTask.SCHEDULE_ON_SITE_VISIT.id(), ON_SITE_SCHEDULED),
      entry(Elements.AWAIT_PARCEL, AWAITING_DEVICE),
      entry(UserTask.INSPECT_PARCEL.id(), IN_INSPECTION),
      entry(UserTask.DIAGNOSE_FAULT.id(), IN_DIAGNOSIS),
      entry(Elements.AWAIT_PROOF, AWAITING_PROOF),
      entry(UserTask.VERIFY_PROOF.id(), IN_DIAGNOSIS),
      entry(Elements.AWAIT_PAYMENT, AWAITING_PAYMENT),
      entry(UserTask.REPAIR_DEVICE.id(), IN_REPAIR),
      entry(UserTask.REPLACE_DEVICE.id(), IN_REPAIR),
      entry(UserTask.QUALITY_CHECK.id(), IN_QUALITY_CHECK),
      entry(UserTask.ARRANGE_REFUND.id(), AWAITING_REFUND),
      entry(Elements.PREPARE_RETURN_SHIPMENT, AWAITING_RETURN_SHIPMENT));

  private final CaseFile caseFile;

  CaseStatusTracker(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @EventListener(condition = "#execution.eventName == 'start'")
  public void onActivityStart(DelegateExecution execution) {
    CaseStatus status = STATUS_ON_ENTERING.get(execution.getCurrentActivityId());
    if (status != null && isLifecycle(execution)) {
      caseFile.changeStatus(execution.getProcessBusinessKey(), status);
    }
  }

  private static boolean isLifecycle(DelegateExecution execution) {
    return execution.getProcessDefinitionId().startsWith(RmaProcess.KEY + ":");
  }
}
