package io.rmaflow.tasklist;

import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessTasks;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The user tasks of every process Tasklist serves, as their modules list them. */
@Component
public class FormTasks {

  private final List<FormTask> all;

  FormTasks(List<ProcessTasks> processes) {
    this.all = processes.stream().<FormTask>flatMap(process -> process.tasks().stream()).toList();
  }

  public List<FormTask> all() {
    return all;
  }

  public Optional<FormTask> byId(String taskDefinitionKey) {
    return all.stream().filter(task -> task.id().equals(taskDefinitionKey)).findFirst();
  }
}
