package io.rmaflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Identifies one sending of a notice: the step of the case that sends it. A retried step
 * has the same key, so a notice the customer already got is not sent again.
 * <p>
 * Notice steps run as jobs of their own ({@code asyncBefore}), and the job is what stays
 * the same across retries. The execution does not: when a parallel branch of the case
 * ends meanwhile, the engine merges the step's execution into its parent, and the retry
 * runs under another execution id.
 */
public record NoticeKey(String value) {

  public static NoticeKey of(DelegateExecution execution) {
    String step = execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/";
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    if (job != null && execution.getProcessInstanceId().equals(job.getProcessInstanceId())) {
      return new NoticeKey(step + "job:" + job.getId());
    }
    return new NoticeKey(step + execution.getId());
  }
}
