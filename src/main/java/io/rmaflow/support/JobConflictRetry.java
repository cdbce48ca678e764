package io.rmaflow.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.MessageAddedNotification;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultFailedJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A job that lost an optimistic lock to a concurrent change of its case (a complaint filed,
 * a task completed, a payment taken while the job ran) did nothing wrong: its transaction was
 * rolled back whole, and run again it meets the case as it now is. The engine keeps its
 * retries but waits for the first failure interval (a minute) before running it again, and for
 * that minute the case stands still. Here such a job is released for the job executor at once,
 * up to {@link #IMMEDIATE_ATTEMPTS} times in a row per node; after that, and for every other
 * failure, the engine's own retry strategy applies. A job that failed because the database went
 * away is treated the same: its failure could be recorded only once the database was back.
 */
@Component
public class JobConflictRetry extends DefaultFailedJobConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(JobConflictRetry.class);
  static final int IMMEDIATE_ATTEMPTS = 10;

  /** In place of the starter's own failed-job configuration: its parse listener for the retry cycles, and this factory. */
  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    super.preInit(configuration);
    configuration.setFailedJobCommandFactory(new Factory(configuration.getFailedJobCommandFactory()));
  }

  static final class Factory implements FailedJobCommandFactory {

    private final FailedJobCommandFactory engines;
    /** Conflicts in a row per job; a job that went through is forgotten after a while. */
    private final Cache<String, Integer> conflicts = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();

    Factory(FailedJobCommandFactory engines) {
      this.engines = engines;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      if (!isConflict(exception)) {
        conflicts.invalidate(jobId);
        return engines.getCommand(jobId, exception);
      }
      int inARow = conflicts.asMap().merge(jobId, 1, Integer::sum);
      if (inARow > IMMEDIATE_ATTEMPTS) {
        conflicts.invalidate(jobId);
        return engines.getCommand(jobId, exception);
      }
      return commandContext -> {
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job != null) {
          LOG.debug("Job {} met a concurrent change of its case or a database outage; released to run again at once ({} in a row)",
              jobId, inARow);
          job.unlock();
          var jobExecutor = Context.getProcessEngineConfiguration().getJobExecutor();
          commandContext.getTransactionContext()
              .addTransactionListener(TransactionState.COMMITTED, new MessageAddedNotification(jobExecutor));
        }
        return null;
      };
    }

    /** Lost to a concurrent change, or to the database going away: both rolled back whole, neither the job's fault. */
    static boolean isConflict(Throwable failure) {
      if (DatabaseUnavailable.isCause(failure)) {
        return true;
      }
      for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof OptimisticLockingException) {
          return true;
        }
      }
      return false;
    }
  }
}
