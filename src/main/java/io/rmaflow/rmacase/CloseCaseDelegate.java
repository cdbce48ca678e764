package io.rmaflow.rmacase;

import static io.rmaflow.process.RmaProcess.Variables.RESOLUTION;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closing end events: close the case with the end event's resolution and tell the customer. */
@Component
class CloseCaseDelegate implements JavaDelegate {

  private final CaseClosingService closingService;

  CloseCaseDelegate(CaseClosingService closingService) {
    this.closingService = closingService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closingService.close(execution.getProcessBusinessKey(), RESOLUTION.get(execution), StepKey.of(execution));
  }
}
