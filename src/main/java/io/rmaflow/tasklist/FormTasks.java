package io.rmaflow.tasklist;

import io.rmaflow.contract.ContractProcess;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.support.FormTask;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The user tasks of every process Tasklist serves: the repair lifecycle's and the service contract's. */
final class FormTasks {

  static final List<FormTask> ALL = Stream.concat(
      Stream.of(RmaProcess.UserTask.values()), Stream.of(ContractProcess.UserTask.values())).map(FormTask.class::cast).toList();

  private FormTasks() {}

  static Optional<FormTask> byId(String taskDefinitionKey) {
    return ALL.stream().filter(task -> task.id().equals(taskDefinitionKey)).findFirst();
  }
}
