package io.rmaflow.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic "exception while invoking
 * the TaskListener" failure, which its REST API answers with 500. This interceptor, outside
 * the transaction, hands a {@link TaskResultRejectedException} on as itself, so callers get
 * a 400 with the form's words.
 */
@Component
public class TaskResultCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new UnwrapRejection());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class UnwrapRejection extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
          if (cause instanceof TaskResultRejectedException rejected) {
            throw rejected;
          }
        }
        throw failure;
      }
    }
  }
}
