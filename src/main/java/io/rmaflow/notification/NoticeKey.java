package io.rmaflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Identifies one sending of a notice: the step of the case that sends it. A retried step
 * has the same key, so a notice the customer already got is not sent again.
 */
public record NoticeKey(String value) {

  public static NoticeKey of(DelegateExecution execution) {
    return new NoticeKey(execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + execution.getId());
  }
}
