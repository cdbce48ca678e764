package io.rmaflow.tasklist;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.intake.Priority;
import io.rmaflow.process.ProcessVariable;
import io.rmaflow.process.RmaProcess.UserTask;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes a new task readable in Tasklist's list. Staff may read their tasks but not whole
 * process instances, so the facts the list shows (RMA number, customer, product, priority)
 * are copied onto the task itself; and the task's priority follows the case's, so sorting
 * by priority puts urgent cases first.
 */
@Component
public class TaskListing {

  static final List<ProcessVariable<?>> LISTED = List.of(RMA_NUMBER, CUSTOMER_NAME, PRODUCT_MODEL, PRIORITY);

  @EventListener(condition = "#task.eventName == 'create'")
  public void onTaskCreated(DelegateTask task) {
    if (UserTask.byId(task.getTaskDefinitionKey()).isEmpty()) {
      return;
    }
    for (ProcessVariable<?> variable : LISTED) {
      task.setVariableLocal(variable.name(), task.getExecution().getVariable(variable.name()));
    }
    task.setPriority(taskPriority(PRIORITY.get(task.getExecution())));
  }

  /** Camunda's default task priority is 50; urgent cases rise above it, low ones fall below. */
  static int taskPriority(Priority priority) {
    return switch (priority == null ? Priority.MEDIUM : priority) {
      case HIGH -> 75;
      case MEDIUM -> 50;
      case LOW -> 25;
    };
  }
}
