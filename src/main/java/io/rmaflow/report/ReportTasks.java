package io.rmaflow.report;

import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessTasks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The service report's user task, for what serves every task. */
@Component
class ReportTasks implements ProcessTasks {

  @Override
  public List<? extends FormTask> tasks() {
    return List.of(ReportProcess.UserTask.values());
  }
}
