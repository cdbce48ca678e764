package io.rmaflow.tasklist;

import io.rmaflow.support.CommandFields;
import io.rmaflow.support.FormTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import io.rmaflow.process.RmaProcess.Groups;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;

/**
 * How a person may act on a task, whichever door they come through (Tasklist, the engine REST
 * API): a task is completed only with its form's fields, claimed only for oneself (a service
 * manager assigns it to others, and not to themselves unless they are of its group), and ends
 * only through its declared outcomes, so a BPMN error or escalation its model does not catch on
 * that task is refused. The application's own engine
 * calls run without a user and are not people acting on tasks.
 */
final class TaskDoors extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl configuration;
  private final FormTasks tasks;
  private final FormRules rules;

  TaskDoors(ProcessEngineConfigurationImpl configuration, FormTasks tasks, FormRules rules) {
    this.configuration = configuration;
    this.tasks = tasks;
    this.rules = rules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (caller != null && caller.getUserId() != null) {
      if (command instanceof CompleteTaskCmd) {
        checkFields(CommandFields.read(command, "taskId"), CommandFields.<Map<String, Object>>read(command, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        checkFields(CommandFields.read(command, "taskId"), CommandFields.<Map<String, Object>>read(command, "properties"));
      } else if (command instanceof ClaimTaskCmd) {
        String claimant = CommandFields.read(command, "userId");
        if (claimant != null && !claimant.equals(caller.getUserId())) {
          throw new AuthorizationException("The user '" + caller.getUserId() + "' may claim a task only for "
              + "themselves; a service manager assigns tasks to others.");
        }
      } else if (command instanceof AbstractAddIdentityLinkCmd) {
        String user = CommandFields.read(command, "userId");
        String group = CommandFields.read(command, "groupId");
        if (caller.getUserId().equals(user) || group != null && groups(caller).contains(group)) {
          checkMayWorkItself(caller, CommandFields.read(command, "taskId"));
        }
      } else if (command instanceof DelegateTaskCmd) {
        if (caller.getUserId().equals(CommandFields.read(command, "userId"))) {
          checkMayWorkItself(caller, CommandFields.read(command, "taskId"));
        }
      } else if (command instanceof SaveTaskCmd) {
        TaskEntity task = CommandFields.read(command, "task");
        if (task != null && task.getId() != null
            && (caller.getUserId().equals(task.getAssignee()) || caller.getUserId().equals(task.getOwner()))) {
          checkMayWorkItself(caller, task.getId());
        }
      } else if (command instanceof HandleTaskBpmnErrorCmd) {
        checkDeclared(CommandFields.read(command, "taskId"), CommandFields.read(command, "errorCode"), ErrorEventDefinition.class, "error");
      } else if (command instanceof HandleTaskEscalationCmd) {
        checkDeclared(CommandFields.read(command, "taskId"), CommandFields.read(command, "escalationCode"), EscalationEventDefinition.class,
            "escalation");
      }
    }
    try {
      return next.execute(command);
    } catch (AuthorizationException denied) {
      throw goneMeanwhile(command, denied);
    }
  }

  /**
   * A task completed by someone else a moment before takes its grants with it, so the engine
   * refuses the late caller; that caller is told the task is gone, not that they may not work it.
   */
  private RuntimeException goneMeanwhile(Command<?> command, AuthorizationException denied) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof ClaimTaskCmd) {
      String taskId = CommandFields.read(command, "taskId");
      if (taskId != null && facts(taskId) == null) {
        return new NullValueException("Cannot find task with id " + taskId);
      }
    }
    return denied;
  }

  /**
   * A service manager assigns a task to someone of its group; giving it to themselves (as
   * assignee, owner, delegate or candidate) would let them work every group's tasks. Who is a
   * candidate already, and administrators, may.
   */
  private void checkMayWorkItself(Authentication caller, String taskId) {
    TaskFacts task = facts(taskId, Detail.CANDIDATES);
    if (task == null || groups(caller).contains(Groups.CAMUNDA_ADMIN)
        || task.candidateUsers().contains(caller.getUserId())
        || task.candidateGroups().stream().anyMatch(groups(caller)::contains)) {
      return;
    }
    throw new AuthorizationException("The user '" + caller.getUserId() + "' may give the task '" + task.name()
        + "' to someone of its group, not to themselves.");
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }

  private void checkFields(String taskId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    TaskFacts task = facts(taskId);
    if (task == null) {
      return;
    }
    FormTask formTask = tasks.byId(task.definitionKey()).orElse(null);
    if (formTask == null) {
      return;
    }
    Set<String> fields = rules.inputKeys(formTask);
    Set<String> others = new TreeSet<>(variables.keySet());
    others.removeAll(fields);
    if (!others.isEmpty()) {
      throw new TaskResultRejectedException(task.name(), task.businessKey(), List.of(
          "The form has no field " + String.join(", ", others) + "; a task is completed with its form's fields only ("
              + String.join(", ", new TreeSet<>(fields)) + ")."));
    }
  }

  private void checkDeclared(String taskId, String code, Class<? extends EventDefinition> kind, String word) {
    TaskFacts task = facts(taskId, Detail.BOUNDARIES);
    if (task == null) {
      return;
    }
    boolean declared = task.boundaries().stream()
        .flatMap(boundary -> boundary.getEventDefinitions().stream())
        .anyMatch(definition -> kind.isInstance(definition) && catches(definition, code));
    if (!declared) {
      throw new BadUserRequestException("The task '" + task.name() + "' of " + task.businessKey() + " declares no "
          + word + " '" + code + "'; it ends only through its form.");
    }
  }

  private static boolean catches(EventDefinition definition, String code) {
    if (definition instanceof ErrorEventDefinition error) {
      return error.getError() == null || code.equals(error.getError().getErrorCode());
    }
    EscalationEventDefinition escalation = (EscalationEventDefinition) definition;
    return escalation.getEscalation() == null || code.equals(escalation.getEscalation().getEscalationCode());
  }

  /** The task as it is, read without the caller's authorizations; the command itself checks those. */
  /** What a check may need beyond the task's key, name and case; read only for the checks that need it. */
  private enum Detail { BOUNDARIES, CANDIDATES }

  private TaskFacts facts(String taskId, Detail... details) {
    if (taskId == null) {
      return null;
    }
    Set<Detail> wanted = Set.of(details);
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessInstanceId() == null) {
          return null;
        }
        String activityId = task.getTaskDefinitionKey();
        List<BoundaryEvent> boundaries = !wanted.contains(Detail.BOUNDARIES) ? List.of()
            : context.getProcessEngineConfiguration().getDeploymentCache()
                .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId())
                .getModelElementsByType(BoundaryEvent.class).stream()
                .filter(boundary -> boundary.getAttachedTo() != null && activityId.equals(boundary.getAttachedTo().getId()))
                .toList();
        Set<String> candidateUsers = new TreeSet<>();
        Set<String> candidateGroups = new TreeSet<>();
        List<IdentityLinkEntity> links = wanted.contains(Detail.CANDIDATES) ? task.getIdentityLinks() : List.of();
        for (IdentityLinkEntity link : links) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
            if (link.getUserId() != null) {
              candidateUsers.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
              candidateGroups.add(link.getGroupId());
            }
          }
        }
        return new TaskFacts(task.getTaskDefinitionKey(), task.getName(), task.getProcessInstance().getBusinessKey(),
            boundaries, candidateUsers, candidateGroups);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }

  /** A task with the boundary events its model attaches to it. */
  private record TaskFacts(String definitionKey, String name, String businessKey, List<BoundaryEvent> boundaries,
      Set<String> candidateUsers, Set<String> candidateGroups) {}
}
