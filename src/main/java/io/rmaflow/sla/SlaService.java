package io.rmaflow.sla;

import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Escalates missed service levels without interrupting the case: the late task rises in
 * priority, the breach is recorded for the metrics and the timeline, and the caller decides
 * whether managers get an escalation task.
 */
@Service
public class SlaService {

  static final int PRIORITY_STEP = 25;
  static final int MAX_PRIORITY = 100;

  private final TaskService taskService;
  private final CaseFile caseFile;
  private final JdbcClient jdbc;
  private final RmaClock clock;

  public SlaService(TaskService taskService, CaseFile caseFile, JdbcClient jdbc, RmaClock clock) {
    this.taskService = taskService;
    this.caseFile = caseFile;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return true when the level was missed: for the response, the triage task is still
   *     unclaimed; for the others, the watched task is still open past its due date
   */
  public boolean escalate(String rmaNumber, String processInstanceId, ServiceLevel level) {
    OffsetDateTime now = clock.nowOffset();
    List<Task> late = taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(level.task().id()).list().stream()
        .filter(task -> level == ServiceLevel.RESPONSE ? task.getAssignee() == null : isDue(task, now))
        .filter(task -> !alreadyRecorded(task, level))
        .toList();
    for (Task task : late) {
      taskService.setPriority(task.getId(), Math.min(MAX_PRIORITY, task.getPriority() + PRIORITY_STEP));
      jdbc.sql("INSERT INTO sla_breach (rma_number, service_level, task_id, due_at, breached_at) VALUES (?, ?, ?, ?, ?)")
          .params(rmaNumber, level.name(), task.getId(),
              task.getDueDate() == null ? null : task.getDueDate().toInstant().atOffset(now.getOffset()), now)
          .update();
      caseFile.record(rmaNumber, "SLA_BREACHED", level + ": " + level.promise() + " missed by " + task.getName());
    }
    return !late.isEmpty();
  }

  /** Only the task whose own deadline passed: a case may hold several complaints at once. */
  private static boolean isDue(Task task, OffsetDateTime now) {
    return task.getDueDate() != null && !task.getDueDate().toInstant().isAfter(now.toInstant());
  }

  private boolean alreadyRecorded(Task task, ServiceLevel level) {
    return jdbc.sql("SELECT COUNT(*) FROM sla_breach WHERE task_id = ? AND service_level = ?")
        .params(task.getId(), level.name()).query(Long.class).single() > 0;
  }

  public long breaches(ServiceLevel level) {
    return jdbc.sql("SELECT COUNT(*) FROM sla_breach WHERE service_level = ?").param(level.name()).query(Long.class).single();
  }
}
