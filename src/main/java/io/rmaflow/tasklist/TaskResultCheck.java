package io.rmaflow.tasklist;

import io.rmaflow.support.FormTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a task whose results break its form's rules, with a message in the
 * form's words ("Parts cost must be at least 0."), so that a staff member or a system using
 * the engine REST API learns what to correct instead of seeing a failure further down the
 * process. Runs before anything else that reacts to a completed task.
 */
@Component
public class TaskResultCheck {

  private final FormRules rules;
  private final FormTasks tasks;
  private final List<CompletionRule> caseRules;

  public TaskResultCheck(FormRules rules, FormTasks tasks, List<CompletionRule> caseRules) {
    this.rules = rules;
    this.tasks = tasks;
    this.caseRules = List.copyOf(caseRules);
  }

  @Order(0)
  @EventListener(condition = "#task.eventName == 'complete'")
  public void onTaskCompleted(DelegateTask task) {
    tasks.byId(task.getTaskDefinitionKey()).ifPresent(formTask -> check(task, formTask));
  }

  private void check(DelegateTask task, FormTask userTask) {
    List<String> problems = new ArrayList<>(rules.fields(userTask).stream()
        .map(field -> field.problemWith(task.getVariable(field.key())))
        .filter(Objects::nonNull)
        .toList());
    if (problems.isEmpty()) {
      caseRules.stream().filter(rule -> rule.taskId().equals(userTask.id()))
          .forEach(rule -> rule.problemWith(task).ifPresent(problems::add));
    }
    if (!problems.isEmpty()) {
      throw new TaskResultRejectedException(task.getName(), task.getExecution().getProcessBusinessKey(), problems);
    }
  }
}
