package io.rmaflow.contract;

import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessTasks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The service contract's user tasks, for what serves every task. */
@Component
class ContractTasks implements ProcessTasks {

  @Override
  public List<? extends FormTask> tasks() {
    return List.of(ContractProcess.UserTask.values());
  }
}
