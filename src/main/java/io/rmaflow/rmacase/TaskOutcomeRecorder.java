package io.rmaflow.rmacase;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.ProcessVariable;
import io.rmaflow.process.RmaProcess.UserTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files what staff decide in their tasks: each completed user task's results go into the
 * case's timeline, and those the API and later steps need into their columns.
 */
@Component
public class TaskOutcomeRecorder {

  /** Task results kept as facts of the case, by column. */
  private static final List<ProcessVariable<?>> KEPT_AS_FACTS = List.of(
      PARCEL_CONDITION, FAULT_CAUSE, REPAIR_METHOD, PARTS_COST, LABOUR_COST, REPLACED_PARTS,
      REPLACEMENT_SERIAL_NUMBER, REFUND_REFERENCE, RETURN_CARRIER, RETURN_TRACKING_NUMBER, VAT_INVOICE_NUMBER);

  private final CaseFile caseFile;

  public TaskOutcomeRecorder(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void onTaskCompleted(DelegateTask task) {
    UserTask.byId(task.getTaskDefinitionKey()).ifPresent(userTask -> record(task, userTask));
  }

  private void record(DelegateTask task, UserTask userTask) {
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    Map<String, Object> facts = new LinkedHashMap<>();
    for (ProcessVariable<?> output : userTask.outputs()) {
      if (KEPT_AS_FACTS.contains(output)) {
        facts.put(column(output), columnValue(output.get(task)));
      }
    }
    if (!facts.isEmpty()) {
      caseFile.update(rmaNumber, facts);
    }
    if (userTask == UserTask.QUALITY_CHECK && !QUALITY_PASSED.getOrDefault(task, false)) {
      caseFile.countQualityFailure(rmaNumber);
    }
    String results = userTask.outputs().stream()
        .map(output -> output.name() + "=" + output.toStoredOf(task))
        .collect(Collectors.joining(", "));
    caseFile.record(rmaNumber, "TASK_COMPLETED", task.getName() + ": " + results);
  }

  private static String column(ProcessVariable<?> variable) {
    return variable.name().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
  }

  private static Object columnValue(Object value) {
    return value instanceof Enum<?> e ? e.name() : value;
  }
}
