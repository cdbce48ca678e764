package io.rmaflow.process;

import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessTasks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The repair lifecycle's user tasks, for what serves every task. */
@Component
class RmaTasks implements ProcessTasks {

  @Override
  public List<? extends FormTask> tasks() {
    return List.of(RmaProcess.UserTask.values());
  }
}
