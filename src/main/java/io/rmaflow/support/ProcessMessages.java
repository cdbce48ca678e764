package io.rmaflow.support;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Delivers messages to the instance of one process that has a given business key (an RMA or
 * a contract number), and tells whether it waits for a message. A message that finds nothing
 * waiting is the caller's "not awaited"; one that meets a concurrent change half-way is a
 * conflict worth repeating ({@link Transactions}).
 */
public final class ProcessMessages {

  private final RuntimeService runtimeService;
  private final String processKey;

  public ProcessMessages(RuntimeService runtimeService, String processKey) {
    this.runtimeService = runtimeService;
    this.processKey = processKey;
  }

  /** @throws RuntimeException from {@code notAwaited} when nothing waits for this message now */
  public void correlate(String businessKey, String messageName, Map<String, Object> variables,
      Supplier<? extends RuntimeException> notAwaited) {
    correlate(businessKey, messageName, runtimeService.createMessageCorrelation(messageName).setVariables(variables),
        notAwaited);
  }

  /**
   * For messages that may come many times, each starting its own part of the instance (a
   * complaint, an extension request): the variables stay local to that part.
   */
  public void correlateWithLocalVariables(String businessKey, String messageName, Map<String, Object> variables,
      Supplier<? extends RuntimeException> notAwaited) {
    correlate(businessKey, messageName, runtimeService.createMessageCorrelation(messageName).setVariablesLocal(variables),
        notAwaited);
  }

  /** True while some part of the instance waits for this message. */
  public boolean isAwaiting(String businessKey, String messageName) {
    return runtimeService.createEventSubscriptionQuery()
        .eventType("message").eventName(messageName)
        .processInstanceId(processInstanceIdOf(businessKey))
        .count() > 0;
  }

  /** Sets variables of the running instance, e.g. what a later gateway reads; false when it has ended. */
  public boolean setVariables(String businessKey, Map<String, Object> variables) {
    ProcessInstance instance = instance(businessKey);
    if (instance == null) {
      return false;
    }
    runtimeService.setVariables(instance.getId(), variables);
    return true;
  }

  private ProcessInstance instance(String businessKey) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).singleResult();
  }

  private String processInstanceIdOf(String businessKey) {
    ProcessInstance instance = instance(businessKey);
    // An ended instance has no subscription; no subscription matches this id.
    return instance == null ? "ended:" + businessKey : instance.getId();
  }

  private void correlate(String businessKey, String messageName, MessageCorrelationBuilder correlation,
      Supplier<? extends RuntimeException> notAwaited) {
    // Looked at first: the engine logs every correlation that finds nothing as an error with its
    // stack, and a message that is not awaited is the caller's mistake, answered 409, not ours.
    if (!isAwaiting(businessKey, messageName)) {
      throw notAwaited.get();
    }
    try {
      correlation.processInstanceBusinessKey(businessKey).correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw notAwaited.get();
    } catch (OptimisticLockingException conflict) {
      throw conflict;
    } catch (RuntimeException failure) {
      // A change committed meanwhile (a timer firing, another message) can remove what this
      // message was reaching while it is delivered, and the engine then fails half-way. That
      // is a conflict: repeated, the delivery meets the instance as it now is.
      if (!isAwaiting(businessKey, messageName)) {
        throw new ConcurrencyFailureException(businessKey + " changed while " + messageName + " was delivered", failure);
      }
      throw failure;
    }
  }
}
