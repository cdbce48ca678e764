package io.rmaflow.process;

import io.rmaflow.support.ProcessMessages;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Delivers the contract's messages to a case, found by its RMA number (the business key). */
@Component
public class CaseMessages {

  private final ProcessMessages messages;

  public CaseMessages(RuntimeService runtimeService) {
    this.messages = new ProcessMessages(runtimeService, RmaProcess.KEY);
  }

  /** @throws CaseNotAwaitingException when no part of the case waits for this message now */
  public void correlate(String rmaNumber, String messageName, Map<String, Object> variables) {
    messages.correlate(rmaNumber, messageName, variables, () -> new CaseNotAwaitingException(rmaNumber, messageName));
  }

  /**
   * For messages that may come many times, each starting its own part of the case (e.g. a
   * complaint): the variables stay local to that part, so one does not overwrite another.
   */
  public void correlateWithLocalVariables(String rmaNumber, String messageName, Map<String, Object> variables) {
    messages.correlateWithLocalVariables(rmaNumber, messageName, variables,
        () -> new CaseNotAwaitingException(rmaNumber, messageName));
  }

  /** True while some part of the case waits for this message. */
  public boolean isAwaiting(String rmaNumber, String messageName) {
    return messages.isAwaiting(rmaNumber, messageName);
  }
}
