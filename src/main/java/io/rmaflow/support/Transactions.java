package io.rmaflow.support;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction of its own and repeats it when a concurrent change to the same
 * case won (the engine's optimistic locking, a unique key taken meanwhile, such as the same
 * payment reference sent twice at once). The repeat sees
 * what the winner committed, so callers get a real answer instead of a spurious failure.
 */
@Component
public class Transactions {

  private static final int ATTEMPTS = 3;

  private final TransactionTemplate transaction;
  private final TransactionTemplate apart;

  public Transactions(TransactionTemplate transaction) {
    this.transaction = transaction;
    this.apart = new TransactionTemplate(transaction.getTransactionManager());
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Runs work in a transaction of its own, committed or rolled back before the caller's goes on.
   * A unique key taken meanwhile fails only this one: PostgreSQL aborts the whole transaction a
   * failed statement ran in, so a caller that expects the failure must not run it in its own.
   */
  public <T> T apart(Supplier<T> work) {
    return apart.execute(status -> work.get());
  }

  public <T> T retryingOnConflict(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> work.get());
      } catch (OptimisticLockingException | ConcurrencyFailureException | DuplicateKeyException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  public void retryingOnConflict(Runnable work) {
    retryingOnConflict(() -> {
      work.run();
      return null;
    });
  }

}
