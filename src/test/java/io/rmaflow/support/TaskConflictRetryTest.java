package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TaskConflictRetryTest {

  final AtomicInteger attempts = new AtomicInteger();
  final TaskConflictRetry.Interceptor retry = new TaskConflictRetry.Interceptor();

  @Test
  void aTaskCompletionThatMetAConcurrentChangeIsRepeatedUntilItGoesThrough() {
    failing(2, new OptimisticLockingException("updated by another transaction concurrently"));

    retry.execute(new CompleteTaskCmd("task-1", null));

    assertThat(attempts).hasValue(3);
  }

  @Test
  void aTaskWhoseExecutionWasMergedAwayMeanwhileIsCompletedOnTheNextAttempt() {
    failing(1, new NullPointerException("execution is null"));

    retry.execute(new CompleteTaskCmd("task-1", null));

    assertThat(attempts).hasValue(2);
  }

  @Test
  void aLastingConflictReachesTheCallerAfterThreeAttempts() {
    failing(5, new OptimisticLockingException("always"));

    assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd("task-1", null))).isInstanceOf(OptimisticLockingException.class);
    assertThat(attempts).hasValue(TaskConflictRetry.Interceptor.ATTEMPTS);
  }

  @Test
  void otherCommandsAndWorkInsideACallersTransactionAreNotRepeated() {
    failing(5, new OptimisticLockingException("conflict"));

    assertThatThrownBy(() -> retry.execute(new GetTaskFormVariablesCmd("task-1", null, true)))
        .isInstanceOf(OptimisticLockingException.class);
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd("task-1", null))).isInstanceOf(OptimisticLockingException.class);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(attempts).hasValue(2);
  }

  private void failing(int times, RuntimeException failure) {
    retry.setNext(new CommandExecutor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (attempts.incrementAndGet() <= times) {
          throw failure;
        }
        return null;
      }
    });
  }
}
