package io.rmaflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Identifies one run of a step of a case, the same across the step's retries: a notice
 * keyed by it goes out once, however often the step that sends it is retried.
 * <p>
 * Notice steps run as jobs of their own ({@code asyncBefore}), and the job is what stays
 * the same across retries. The execution does not: when a parallel branch of the case
 * ends meanwhile, the engine merges the step's execution into its parent, and the retry
 * runs under another execution id.
 */
public record StepKey(String value) {

  public static StepKey of(DelegateExecution execution) {
    String step = execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/";
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    if (job != null && execution.getProcessInstanceId().equals(job.getProcessInstanceId())) {
      return new StepKey(step + "job:" + job.getId());
    }
    return new StepKey(step + execution.getId());
  }
}
