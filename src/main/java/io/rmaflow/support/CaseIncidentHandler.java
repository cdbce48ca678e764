package io.rmaflow.support;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Words a failed job's incident so that a process owner reading Cockpit's incident list
 * knows which case and which step failed without opening the stack trace:
 * {@code RMA-2026-000042, step "Send quote": <what went wrong>}.
 */
public class CaseIncidentHandler extends DefaultIncidentHandler {

  /** Incident messages are stored in a column of 4000 characters. */
  private static final int MAX_MESSAGE = 4000;

  public CaseIncidentHandler() {
    super(Incident.FAILED_JOB_HANDLER_TYPE);
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    return super.handleIncident(context, explain(context, message));
  }

  private static String explain(IncidentContext context, String message) {
    ExecutionEntity execution = context.getExecutionId() == null
        ? null
        : Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
    String what = message == null || message.isBlank()
        ? "it failed without a message; the stack trace has the details"
        : message;
    String where = step(execution, context);
    String rmaNumber = execution == null ? null : execution.getProcessBusinessKey();
    String explained = (rmaNumber == null ? "" : rmaNumber + ", ") + where + ": " + what;
    return explained.length() <= MAX_MESSAGE ? explained : explained.substring(0, MAX_MESSAGE - 1) + "…";
  }

  private static String step(ExecutionEntity execution, IncidentContext context) {
    String activityId = context.getFailedActivityId() != null ? context.getFailedActivityId() : context.getActivityId();
    if (activityId == null) {
      return "a step";
    }
    ActivityImpl activity = execution == null ? null : execution.getProcessDefinition().findActivity(activityId);
    String name = activity == null ? null : (String) activity.getProperty("name");
    return "step \"" + (name == null || name.isBlank() ? activityId : name.replaceAll("\\s+", " ")) + "\"";
  }
}
