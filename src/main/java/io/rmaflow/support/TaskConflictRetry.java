package io.rmaflow.support;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A staff member's task completion (engine REST, Tasklist) that meets a concurrent change to
 * the same case, such as a job of a parallel branch committing meanwhile on this or another
 * node, is repeated instead of failing. The engine reports such a conflict as an optimistic
 * locking failure or, when the task's execution was merged away under it, as a
 * {@link NullPointerException}, met in the engine's own execution tree or by a listener asking
 * for the task's execution; either way its transaction was rolled back whole, so doing it again
 * is what the user would do by clicking again. A {@link NullPointerException} of our own code
 * that has nothing to do with a vanished execution is a defect and reaches the caller at once.
 * Work inside a caller's own transaction is left alone: that caller repeats it (see
 * {@link Transactions}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class TaskConflictRetry extends AbstractCamundaConfiguration {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<CommandInterceptor>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Outside the engine's transaction, so each attempt runs in a transaction of its own. */
  static final class Interceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TaskConflictRetry.class);
    static final int ATTEMPTS = 3;
    private static final Set<Class<?>> TASK_COMPLETIONS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);
    private static final String ENGINE = "org.camunda.bpm.engine.impl.";
    private static final String EXECUTION_GONE = "getExecution()\" is null";

    @Override
    public <T> T execute(Command<T> command) {
      if (!TASK_COMPLETIONS.contains(command.getClass()) || TransactionSynchronizationManager.isActualTransactionActive()) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException | NullPointerException failure) {
          if (!isConflict(failure) || attempt == ATTEMPTS) {
            throw failure;
          }
          LOG.debug("Task completion met a concurrent change of its case; repeating it", failure);
        }
      }
    }

    /**
     * The case changed under the command: a lost optimistic lock, a null met in the engine's
     * own code (its execution tree, changed by the concurrent commit), or the task's execution
     * no longer there, as the JVM's message names it.
     */
    static boolean isConflict(RuntimeException failure) {
      if (failure instanceof OptimisticLockingException) {
        return true;
      }
      StackTraceElement[] frames = failure.getStackTrace();
      return frames.length > 0 && frames[0].getClassName().startsWith(ENGINE)
          || failure.getMessage() != null && failure.getMessage().contains(EXECUTION_GONE);
    }
  }
}
