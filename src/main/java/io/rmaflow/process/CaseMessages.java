package io.rmaflow.process;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Delivers the contract's messages to a case, found by its RMA number (the business key). */
@Component
public class CaseMessages {

  private final RuntimeService runtimeService;

  public CaseMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @throws CaseNotAwaitingException when no part of the case waits for this message now */
  public void correlate(String rmaNumber, String messageName, Map<String, Object> variables) {
    try {
      runtimeService.createMessageCorrelation(messageName)
          .processInstanceBusinessKey(rmaNumber)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new CaseNotAwaitingException(rmaNumber, messageName);
    }
  }
}
