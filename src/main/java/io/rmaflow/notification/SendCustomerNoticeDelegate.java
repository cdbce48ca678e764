package io.rmaflow.notification;

import static io.rmaflow.process.RmaProcess.Variables.NOTICE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import io.rmaflow.process.StepKey;

/** Notice tasks: send the customer the notice named by the task's {@code notice} input. */
@Component
public class SendCustomerNoticeDelegate implements JavaDelegate {

  private final NotificationService notifications;

  public SendCustomerNoticeDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notify(execution.getProcessBusinessKey(), NoticeType.valueOf(NOTICE.get(execution)), StepKey.of(execution));
  }
}
