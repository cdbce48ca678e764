package io.rmaflow.upgrade;

import io.rmaflow.support.CommandFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.migration.instance.MigratingActivityInstance;
import org.camunda.bpm.engine.impl.migration.instance.MigratingEventSubscriptionInstance;
import org.camunda.bpm.engine.impl.migration.instance.MigratingJobInstance;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.camunda.bpm.engine.impl.migration.instance.RemovingInstance;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingActivityInstanceValidationReportImpl;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingActivityInstanceValidator;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * The rules of ADR 22 as part of the engine's own validation of every migration, so they hold
 * for the dry run, for each job of a batch when it runs (a case may have moved on since the dry
 * run), and for a migration started in Cockpit:
 * <ul>
 * <li>a case resting at an element its plan keeps on the old version stays;</li>
 * <li>a case whose timer or awaited message has no counterpart in the target stays: the engine
 * would drop the timer or subscription, and with it a deadline or an event.</li>
 * </ul>
 */
@Component
public class MigrationGuard extends AbstractProcessEnginePlugin implements MigratingActivityInstanceValidator {

  private final MigrationPlans plans;

  MigrationGuard(MigrationPlans plans) {
    this.plans = plans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<MigratingActivityInstanceValidator> validators = configuration.getCustomPostMigratingActivityInstanceValidators() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostMigratingActivityInstanceValidators());
    validators.add(this);
    configuration.setCustomPostMigratingActivityInstanceValidators(validators);
  }

  @Override
  public void validate(MigratingActivityInstance instance, MigratingProcessInstance processInstance,
      MigratingActivityInstanceValidationReportImpl report) {
    ProcessDefinitionEntity source = processInstance.getSourceDefinition();
    ProcessDefinitionEntity target = processInstance.getTargetDefinition();
    String activity = instance.getSourceScope().getId();
    plans.forMove(source.getKey(), source.getVersionTag(), target.getVersionTag())
        .map(plan -> plan.stayOnVersion().get(activity))
        .ifPresent(report::addFailure);
    List<RemovingInstance> removed = CommandFields.read(instance, "removingDependentInstances");
    for (RemovingInstance lost : removed) {
      waitOf(lost).ifPresent(wait -> report.addFailure(wait + " has no counterpart in version " + target.getVersionTag()
          + "; moved, the case would lose it. Map it in the plan's instructions."));
    }
  }

  private static Optional<String> waitOf(RemovingInstance lost) {
    if (lost instanceof MigratingJobInstance job) {
      return Optional.ofNullable(job.getJobEntity().getActivityId());
    }
    if (lost instanceof MigratingEventSubscriptionInstance subscription) {
      EventSubscriptionEntity entity = CommandFields.read(subscription, "eventSubscriptionEntity");
      return Optional.ofNullable(entity.getActivityId());
    }
    return Optional.empty();
  }
}
