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
    failing(1, new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity"
        + ".getProcessBusinessKey()\" because the return value of \"org.camunda.bpm.engine.impl.persistence.entity"
        + ".TaskEntity.getExecution()\" is null"));

    retry.execute(new CompleteTaskCmd("task-1", null));

    assertThat(attempts).hasValue(2);
  }

  @Test
  void aTaskWhoseExecutionTreeChangedInTheEngineIsCompletedOnTheNextAttempt() {
    NullPointerException metInTheEngine = new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.impl.pvm.runtime"
        + ".PvmExecutionImpl.getActivityInstanceId()\" because the return value of \"org.camunda.bpm.engine.impl.pvm.runtime"
        + ".PvmExecutionImpl.getParent()\" is null");
    metInTheEngine.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl", "leaveActivityInstance", null, 1)});
    failing(1, metInTheEngine);

    retry.execute(new CompleteTaskCmd("task-1", null));

    assertThat(attempts).hasValue(2);
  }

  @Test
  void aNullPointerOutsideTheEngineIsADefectAndReachesTheCallerAtOnce() {
    NullPointerException defect = new NullPointerException(
        "Cannot invoke \"java.math.BigDecimal.add(java.math.BigDecimal)\" because \"partsCost\" is null");
    defect.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.rmaflow.repair.QuoteService", "prepare", null, 1)});
    failing(5, defect);

    assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd("task-1", null))).isSameAs(defect);
    assertThat(attempts).hasValue(1);
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
