package io.rmaflow.sla;

import io.rmaflow.process.RmaProcess;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/** What is overdue or at risk now: open tasks of the lifecycle by their working-time due dates. */
@Service
public class SlaQueryService {

  public enum State { OVERDUE, AT_RISK }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WorkingTimeCalendar calendar;
  private final SlaBreaches breaches;
  private final RmaClock clock;
  private final RmaProperties.Sla sla;

  SlaQueryService(TaskService taskService, RuntimeService runtimeService, WorkingTimeCalendar calendar,
      SlaBreaches breaches, RmaClock clock, RmaProperties properties) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.breaches = breaches;
    this.clock = clock;
    this.sla = properties.sla();
  }

  /** Breaches since records began, per level; every level is listed. */
  public Map<ServiceLevel, Long> breachesByLevel() {
    return breaches.countByLevel();
  }

  /** Breaches recorded from {@code from} to {@code to}, latest first. */
  public List<Breach> breachesBetween(OffsetDateTime from, OffsetDateTime to) {
    return breaches.between(from, to, calendar.zone());
  }

  /** The breaches of the given cases recorded in {@code [from, until)}, oldest first. */
  public List<Breach> breachesOf(List<String> rmaNumbers, OffsetDateTime from, OffsetDateTime until) {
    return breaches.ofCases(rmaNumbers, from, until, calendar.zone());
  }

  /** When remote triage of each case was due to be answered and resolved, and when it was. */
  public List<CaseClock> clocksOf(List<String> rmaNumbers) {
    return breaches.clocks(rmaNumbers, calendar.zone());
  }

  /** The working time between two instants, by the centre's calendar. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    return calendar.between(from, to);
  }

  /** At most this many tasks per answer, most urgent first. */
  static final int MAX_TASKS = 500;

  /** Overdue: due before now. At risk: due within the configured working time from now. */
  public List<DueTask> tasks(State state) {
    Instant now = clock.now().toInstant();
    List<Task> tasks = query(state, now).orderByDueDate().asc().listPage(0, MAX_TASKS);
    Map<String, String> rmaNumbers = tasks.isEmpty() ? Map.of() : runtimeService.createVariableInstanceQuery()
        .taskIdIn(tasks.stream().map(Task::getId).toArray(String[]::new))
        .variableName(RmaProcess.Variables.RMA_NUMBER.name()).list().stream()
        .collect(Collectors.toMap(VariableInstance::getTaskId, variable -> String.valueOf(variable.getValue()), (a, b) -> a));
    return tasks.stream().map(task -> dueTask(task, rmaNumbers.get(task.getId()), now)).toList();
  }

  /** How many tasks are in that state now, without the cap of {@link #tasks}. */
  public long count(State state) {
    return query(state, clock.now().toInstant()).count();
  }

  private TaskQuery query(State state, Instant now) {
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey(RmaProcess.KEY).active();
    if (state == State.OVERDUE) {
      query.dueBefore(Date.from(now));
    } else {
      query.dueAfter(Date.from(now)).dueBefore(Date.from(calendar.plus(now, sla.atRiskWithin())));
    }
    return query;
  }

  private DueTask dueTask(Task task, String rmaNumber, Instant now) {
    Instant due = task.getDueDate().toInstant();
    return new DueTask(
        rmaNumber,
        task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), task.getPriority(),
        due.atZone(calendar.zone()).toOffsetDateTime(),
        due.isBefore(now) ? calendar.between(due, now).toMinutes() : -calendar.between(now, due).toMinutes());
  }

  /**
   * An open task with a deadline. {@code workingMinutesLate} is positive when overdue,
   * negative for the working minutes still left.
   */
  public record DueTask(String rmaNumber, String task, String name, String assignee, int priority,
      OffsetDateTime due, long workingMinutesLate) {}

  /**
   * A case's service-level clock of remote triage: due to be answered and resolved, and when
   * it was (null while not yet).
   */
  public record CaseClock(String rmaNumber, OffsetDateTime responseDueAt, OffsetDateTime resolutionDueAt,
      OffsetDateTime respondedAt, OffsetDateTime resolvedAt) {}

  /** A service level a case missed: when its task was due, and when the miss was recorded. */
  public record Breach(String rmaNumber, ServiceLevel level, OffsetDateTime dueAt, OffsetDateTime breachedAt) {}
}
