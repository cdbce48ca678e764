package io.rmaflow.rmacase;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.RmaProcess.UserTask;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files what staff decide in their tasks: each completed user task's results go into the
 * case's timeline, and those the API and later steps need into the case file, task by task.
 */
@Component
class TaskOutcomeRecorder {

  private final CaseFile caseFile;

  TaskOutcomeRecorder(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void onTaskCompleted(DelegateTask task) {
    UserTask.byId(task.getTaskDefinitionKey()).ifPresent(userTask -> record(task, userTask));
  }

  private void record(DelegateTask task, UserTask userTask) {
    String rma = task.getExecution().getProcessBusinessKey();
    switch (userTask) {
      case INSPECT_PARCEL -> caseFile.recordParcelCondition(rma, PARCEL_CONDITION.get(task));
      case DIAGNOSE_FAULT -> caseFile.recordDiagnosis(rma, FAULT_CAUSE.get(task), REPAIR_METHOD.get(task),
          PARTS_COST.get(task), LABOUR_COST.get(task));
      case REPAIR_DEVICE -> caseFile.recordRepair(rma, REPAIR_METHOD.get(task), REPLACED_PARTS.get(task));
      case QUALITY_CHECK -> caseFile.recordQualityCheck(rma, QUALITY_PASSED.getOrDefault(task, false));
      case REPLACE_DEVICE -> caseFile.recordReplacement(rma, REPLACEMENT_SERIAL_NUMBER.get(task));
      case ARRANGE_REFUND -> caseFile.recordRefund(rma, REFUND_REFERENCE.get(task));
      case SHIP_DEVICE -> caseFile.recordReturnShipment(rma, RETURN_CARRIER.get(task), RETURN_TRACKING_NUMBER.get(task));
      case ISSUE_INVOICE -> caseFile.recordVatInvoice(rma, VAT_INVOICE_NUMBER.get(task));
      default -> {
        // The other tasks' results steer the process and are listed in the timeline only.
      }
    }
    caseFile.recordTaskResults(rma, task.getName(), userTask.outputs().stream()
        .map(output -> output.name() + "=" + output.toStoredOf(task))
        .collect(Collectors.joining(", ")));
  }
}
