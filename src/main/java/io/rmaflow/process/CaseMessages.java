package io.rmaflow.process;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
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
    correlate(rmaNumber, messageName, runtimeService.createMessageCorrelation(messageName).setVariables(variables));
  }

  /**
   * For messages that may come many times, each starting its own part of the case (e.g. a
   * complaint): the variables stay local to that part, so one does not overwrite another.
   */
  public void correlateWithLocalVariables(String rmaNumber, String messageName, Map<String, Object> variables) {
    correlate(rmaNumber, messageName, runtimeService.createMessageCorrelation(messageName).setVariablesLocal(variables));
  }

  /** True while some part of the case waits for this message. */
  public boolean isAwaiting(String rmaNumber, String messageName) {
    return runtimeService.createEventSubscriptionQuery()
        .eventType("message").eventName(messageName)
        .processInstanceId(processInstanceIdOf(rmaNumber))
        .count() > 0;
  }

  private String processInstanceIdOf(String rmaNumber) {
    var instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(RmaProcess.KEY).processInstanceBusinessKey(rmaNumber).singleResult();
    // An ended case has no instance; no subscription matches this id.
    return instance == null ? "ended:" + rmaNumber : instance.getId();
  }

  private void correlate(String rmaNumber, String messageName, MessageCorrelationBuilder correlation) {
    try {
      correlation.processInstanceBusinessKey(rmaNumber).correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new CaseNotAwaitingException(rmaNumber, messageName);
    } catch (OptimisticLockingException conflict) {
      throw conflict;
    } catch (RuntimeException failure) {
      // A change committed meanwhile (a timer firing, another message) can remove what this
      // message was reaching while it is delivered, and the engine then fails half-way. That
      // is a conflict: repeated, the delivery meets the case as it now is.
      if (!isAwaiting(rmaNumber, messageName)) {
        throw new ConcurrentCaseChangeException(rmaNumber, messageName, failure);
      }
      throw failure;
    }
  }
}
