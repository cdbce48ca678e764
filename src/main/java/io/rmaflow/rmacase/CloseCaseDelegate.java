package io.rmaflow.rmacase;

import static io.rmaflow.process.RmaProcess.Variables.RESOLUTION;

import io.rmaflow.notification.NoticeKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closing end events: close the case with the end event's resolution and tell the customer. */
@Component
public class CloseCaseDelegate implements JavaDelegate {

  private final CaseClosingService closingService;

  public CloseCaseDelegate(CaseClosingService closingService) {
    this.closingService = closingService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closingService.close(execution.getProcessBusinessKey(), RESOLUTION.get(execution), NoticeKey.of(execution));
  }
}
