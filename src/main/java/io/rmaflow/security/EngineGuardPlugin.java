package io.rmaflow.security;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import io.rmaflow.support.CommandFields;
import io.rmaflow.support.DatabaseUnavailable;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.rest.exception.RestException;
import jakarta.ws.rs.core.Response.Status;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the engine lets through by default and a service centre must not:
 * <ul>
 * <li>Jobs of no process (history cleanup, batches) are open to every user: only who may
 * retry any process's jobs may retry them, and only who may change any instance may run them
 * early, suspend them, or change their due date or priority.</li>
 * <li>A BPMN error nothing catches ends its case's process silently: it becomes a failure
 * instead, so no call and no defect can leave a case without a process.</li>
 * <li>Ten wrong passwords lock a login for good, so anyone could lock any login: the lock
 * stays the engine's growing delay (at most a minute), and guesses are throttled per address
 * ({@link FailedLoginThrottle}).</li>
 * <li>A refusal names the instance, task or job it refused, whoever asked: it names the
 * permission and the kind of resource only.</li>
 * <li>To a caller of the REST doors, a concurrent change is {@code 409}, a task or execution
 * that is not there {@code 404}, a missing value or a task deleted out of its case {@code 400},
 * not {@code 500}.</li>
 * </ul>
 * The outermost interceptor: it sees what the caller would see, after the engine's own retries.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new CallerAnswers(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandCheckers().add(standaloneJobChecker());
  }

  /** Checks jobs without a process; every other check is the engine's own checkers'. */
  static CommandChecker standaloneJobChecker() {
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
          if (args != null && args.length == 1 && args[0] instanceof JobEntity job && job.getProcessDefinitionKey() == null) {
            var authorizations = Context.getCommandContext().getAuthorizationManager();
            switch (method.getName()) {
              case "checkUpdateRetriesJob" -> authorizations.checkAuthorization(ProcessDefinitionPermissions.RETRY_JOB,
                  Resources.PROCESS_DEFINITION, "*");
              case "checkUpdateJob" -> authorizations.checkAuthorization(ProcessDefinitionPermissions.UPDATE_INSTANCE,
                  Resources.PROCESS_DEFINITION, "*");
              default -> { }
            }
          }
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "StandaloneJobChecker";
            };
          }
          return null;
        });
  }

  static final class CallerAnswers extends CommandInterceptor {

    private static final Pattern GONE = Pattern.compile("(?i)cannot find|does ?n[o']t exist");

    private final ProcessEngineConfigurationImpl configuration;

    CallerAnswers(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        if (command instanceof AbstractSetJobStateCmd) {
          checkStandaloneJobSuspension(CommandFields.read(command, "jobId"));
        }
        if (command instanceof SaveAuthorizationCmd) {
          refuseRevoke(CommandFields.read(command, "authorization"));
        }
        return next.execute(command);
      } catch (AuthorizationException denied) {
        throw withoutIds(denied);
      } catch (OptimisticLockingException | TaskAlreadyClaimedException conflict) {
        if (!EngineRestCalls.active()) {
          throw conflict;
        }
        throw new RestException(Status.CONFLICT, conflict instanceof TaskAlreadyClaimedException
            ? conflict.getMessage()
            : "Someone else changed this case meanwhile (a task completed, a message, a timer); reload and try again.");
      } catch (NullValueException missing) {
        if (!EngineRestCalls.active() || missing.getMessage() == null) {
          throw missing;
        }
        // The engine's null checks are of what the caller named: a task, an execution, a parameter.
        String what = missing.getMessage().replaceFirst(": \\w+ is null$", "");
        if (GONE.matcher(what).find()) {
          throw new RestException(Status.NOT_FOUND, what + ": it does not exist, or it was completed or removed meanwhile.");
        }
        throw new RestException(Status.BAD_REQUEST, what);
      } catch (RuntimeException refused) {
        if (EngineRestCalls.active() && DatabaseUnavailable.isCause(refused)) {
          // With its cause, so that a refusal during authentication, outside the REST resources, is answered alike.
          throw new RestException(Status.SERVICE_UNAVAILABLE, refused, "The database cannot be reached at the moment, "
              + "so this call may not have been applied; send it again in a few seconds.");
        }
        if (EngineRestCalls.active() && refused instanceof ProcessEngineException && command instanceof DeleteTaskCmd) {
          throw new RestException(Status.BAD_REQUEST, refused.getMessage() + "; a case's task ends through its form.");
        }
        throw refused;
      }
    }

    /**
     * The engine skips its checks for REVOKE authorizations (authorization-check-revokes:
     * never, ADR 24); one created anyway would look like a restriction and restrict nothing.
     */
    private static void refuseRevoke(Authorization authorization) {
      if (authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        String refusal = "REVOKE authorizations are not used here: access is granted to groups, never taken away "
            + "(ADR 24). Remove the user from the group, or withdraw the group's grant, instead.";
        throw EngineRestCalls.active() ? new RestException(Status.BAD_REQUEST, refusal) : new BadUserRequestException(refusal);
      }
    }

    /** The engine checks nothing when a job of no process is suspended or activated. */
    private void checkStandaloneJobSuspension(String jobId) {
      if (jobId == null || configuration.getIdentityService().getCurrentAuthentication() == null) {
        return;
      }
      configuration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        JobEntity job = context.getJobManager().findJobById(jobId);
        context.enableAuthorizationCheck();
        if (job != null && job.getProcessDefinitionKey() == null) {
          context.getAuthorizationManager().checkAuthorization(ProcessDefinitionPermissions.UPDATE_INSTANCE,
              Resources.PROCESS_DEFINITION, "*");
        }
        return null;
      });
    }

    static AuthorizationException withoutIds(AuthorizationException denied) {
      if (denied.getMissingAuthorizations() == null || denied.getMissingAuthorizations().isEmpty()) {
        return denied;
      }
      Map<String, MissingAuthorization> kinds = new LinkedHashMap<>();
      for (MissingAuthorization missing : denied.getMissingAuthorizations()) {
        kinds.putIfAbsent(missing.getViolatedPermissionName() + " " + missing.getResourceType(),
            new MissingAuthorization(missing.getViolatedPermissionName(), missing.getResourceType(), null));
      }
      return new AuthorizationException(denied.getUserId(), new ArrayList<>(kinds.values()));
    }
  }
}
