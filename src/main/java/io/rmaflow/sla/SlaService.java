package io.rmaflow.sla;

import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.TimelineEvent;
import io.rmaflow.support.RmaClock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
  private final SlaBreaches breaches;
  private final RmaClock clock;

  SlaService(TaskService taskService, CaseFile caseFile, SlaBreaches breaches, RmaClock clock) {
    this.taskService = taskService;
    this.caseFile = caseFile;
    this.breaches = breaches;
    this.clock = clock;
  }

  /**
   * @return true when the level was missed: for the response, the triage task is still
   *     unclaimed; for the others, the watched task is still open past its due date
   */
  public boolean escalate(String rmaNumber, String processInstanceId, ServiceLevel level, String promise) {
    OffsetDateTime now = clock.nowOffset();
    List<Task> late = taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(level.task().id()).list().stream()
        .filter(task -> level == ServiceLevel.RESPONSE ? task.getAssignee() == null : isDue(task, now))
        .filter(task -> !alreadyRecorded(task, level))
        .toList();
    for (Task task : late) {
      taskService.setPriority(task.getId(), Math.min(MAX_PRIORITY, task.getPriority() + PRIORITY_STEP));
      breaches.add(rmaNumber, level, task.getId(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant().atOffset(now.getOffset()), now);
      caseFile.record(rmaNumber, TimelineEvent.SLA_BREACHED, level + ": " + promise + " missed by " + task.getName());
    }
    return !late.isEmpty();
  }

  /** Only the task whose own deadline passed: a case may hold several complaints at once. */
  private static boolean isDue(Task task, OffsetDateTime now) {
    return task.getDueDate() != null && !task.getDueDate().toInstant().isAfter(now.toInstant());
  }

  private boolean alreadyRecorded(Task task, ServiceLevel level) {
    return breaches.exists(task.getId(), level);
  }

  public long breaches(ServiceLevel level) {
    return breaches.count(level);
  }
}
