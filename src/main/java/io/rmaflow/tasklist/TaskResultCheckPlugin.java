package io.rmaflow.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic "exception while invoking
 * the TaskListener" failure, which its REST API answers with 500. This interceptor, outside
 * the transaction, hands a {@link TaskResultRejectedException} on as itself, so callers get
 * a 400 with the form's words. Inside it, {@link TaskDoors} keeps people to what a task's form
 * and model declare.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class TaskResultCheckPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<FormTasks> tasks;
  private final ObjectProvider<FormRules> rules;

  TaskResultCheckPlugin(ObjectProvider<FormTasks> tasks, ObjectProvider<FormRules> rules) {
    this.tasks = tasks;
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new UnwrapRejection());
    interceptors.add(new TaskDoors(configuration, tasks.getObject(), rules.getObject()));
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
