package io.rmaflow.sla;

import static io.rmaflow.process.RmaProcess.Variables.PRIORITY;
import static io.rmaflow.process.RmaProcess.Variables.RESOLUTION_DUE_BY;
import static io.rmaflow.process.RmaProcess.Variables.RESPONSE_DUE_BY;

import io.rmaflow.process.Priority;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.rmacase.CaseClosed;
import io.rmaflow.support.RmaClock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's service-level clock in {@code sla_case}: when remote triage was due to be
 * answered and resolved (the same instants as the model's timers), when it was answered
 * (first claimed, or completed unclaimed) and resolved (completed), and how the case ended.
 * The escalations act on time; this record answers afterwards whether each promise was kept.
 */
@Component
class SlaCaseClock {

  private final JdbcClient jdbc;
  private final RmaClock clock;

  SlaCaseClock(JdbcClient jdbc, RmaClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onTaskCreated(DelegateTask task) {
    if (!isRemoteTriage(task)) {
      return;
    }
    var execution = task.getExecution();
    // Once per case: an administrator who moves a case back to remote triage (Cockpit) keeps its first clock.
    jdbc.sql("""
        INSERT INTO sla_case (rma_number, priority, response_due_at, resolution_due_at)
        SELECT :rma, :priority, :responseDue, :resolutionDue
        WHERE NOT EXISTS (SELECT 1 FROM sla_case WHERE rma_number = :rma)""")
        .param("rma", execution.getProcessBusinessKey())
        .param("priority", Priority.orDefault(PRIORITY.get(execution)).name())
        .param("responseDue", RESPONSE_DUE_BY.get(execution))
        .param("resolutionDue", RESOLUTION_DUE_BY.get(execution))
        .update();
  }

  @EventListener(condition = "#task.eventName == 'assignment' || #task.eventName == 'complete'")
  public void onTaskWorked(DelegateTask task) {
    boolean unclaimed = "assignment".equals(task.getEventName()) && task.getAssignee() == null;
    if (!isRemoteTriage(task) || unclaimed) {
      return;
    }
    OffsetDateTime now = clock.nowOffset();
    String rma = task.getExecution().getProcessBusinessKey();
    jdbc.sql("UPDATE sla_case SET responded_at = COALESCE(responded_at, :now) WHERE rma_number = :rma")
        .param("now", now).param("rma", rma).update();
    if ("complete".equals(task.getEventName())) {
      jdbc.sql("UPDATE sla_case SET resolved_at = :now WHERE rma_number = :rma")
          .param("now", now).param("rma", rma).update();
    }
  }

  /** Cases closed before remote triage (not eligible, cancelled) have no clock; nothing to record. */
  @EventListener
  void onCaseClosed(CaseClosed closed) {
    jdbc.sql("UPDATE sla_case SET closed_at = :closedAt, resolution = :resolution WHERE rma_number = :rma")
        .param("closedAt", closed.closedAt()).param("resolution", closed.resolution().name())
        .param("rma", closed.rmaNumber()).update();
  }

  private static boolean isRemoteTriage(DelegateTask task) {
    return RmaProcess.UserTask.REMOTE_DIAGNOSIS.id().equals(task.getTaskDefinitionKey())
        && task.getProcessDefinitionId().startsWith(RmaProcess.KEY + ":");
  }
}
