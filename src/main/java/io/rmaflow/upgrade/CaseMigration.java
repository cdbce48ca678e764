package io.rmaflow.upgrade;

import io.rmaflow.upgrade.MigrationPlanFile.Instruction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the open cases of older model versions to a newer one by a declared plan (ADR 22).
 * Elements of equal id map by themselves, renamed ones by the plan's instructions. Timers keep
 * their due dates (event triggers are never updated), so a deadline the customer was given
 * stays. Listeners and input/output mappings do not run: a move changes where a case stands
 * in the model, not what happened to it.
 *
 * <p>The dry run asks the engine itself: each case is moved in a transaction that is then
 * rolled back, so its answer is the engine's own verdict (with {@link MigrationGuard}'s rules
 * among its checks), with the engine's reasons for a case that cannot move. The move is one of Camunda's batches per source version, which Cockpit
 * shows under Batches; cases that stay finish on their version.
 */
@Service
public class CaseMigration {

  private static final Logger LOG = LoggerFactory.getLogger(CaseMigration.class);

  private final MigrationPlans plans;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final TransactionTemplate trial;

  CaseMigration(MigrationPlans plans, RuntimeService runtimeService, RepositoryService repositoryService,
      ManagementService managementService, PlatformTransactionManager transactions) {
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.trial = new TransactionTemplate(transactions);
  }

  /** A declared plan: where it moves cases from and to, and how many open cases it concerns now. */
  public record PlanSummary(String name, String process, List<String> from, String to, String reason,
      boolean targetDeployed, long openCases) {}

  /** A case that would move (or moved): its business key, instance, version and where it waits. */
  public record Move(String businessKey, String processInstanceId, String fromVersion, List<String> waitingAt) {}

  /** A case that stays on its version, and why. */
  public record Stay(String businessKey, String processInstanceId, String fromVersion, List<String> waitingAt, String reason) {}

  public record DryRun(String plan, String process, String to, int targetDefinitionVersion, List<Move> moving, List<Stay> staying) {}

  /** The batches started (one per source version), and the dry run they were started from. */
  public record Started(DryRun checked, List<String> batchIds) {}

  public List<PlanSummary> plans() {
    return plans.all().stream().map(plan -> {
      Optional<ProcessDefinition> target = target(plan);
      long open = sources(plan, target.map(ProcessDefinition::getId).orElse(null)).stream()
          .mapToLong(source -> runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count()).sum();
      return new PlanSummary(plan.name(), plan.process(), plan.from(), plan.to(), plan.reason(), target.isPresent(), open);
    }).toList();
  }

  public DryRun dryRun(String name) {
    return check(plan(name)).dryRun();
  }

  /** Moves every case the dry run lets move, as batches; the others finish on their version. */
  public Started migrate(String name) {
    List<String> running = managementService.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list().stream()
        .map(Batch::getId).toList();
    if (!running.isEmpty()) {
      // A second move of the same cases would only fail in the first one's wake.
      throw new MigrationNotApplicableException("A migration is still running or has failed jobs (batch "
          + String.join(", ", running) + "); let it finish, or retry or delete it in Cockpit under Batches, then run the plan again.");
    }
    Checked checked = check(plan(name));
    List<String> batches = new ArrayList<>();
    checked.movable().forEach((migrationPlan, instances) -> {
      if (!instances.isEmpty()) {
        String batch = migration(migrationPlan, instances).executeAsync().getId();
        LOG.info("Migration plan {}: batch {} moves {} cases from {} to {}", name, batch, instances.size(),
            migrationPlan.getSourceProcessDefinitionId(), migrationPlan.getTargetProcessDefinitionId());
        batches.add(batch);
      }
    });
    return new Started(checked.dryRun(), batches);
  }

  private record Checked(DryRun dryRun, Map<MigrationPlan, List<String>> movable) {}

  private Checked check(MigrationPlanFile plan) {
    ProcessDefinition target = target(plan).orElseThrow(() -> new MigrationNotApplicableException(
        "Version " + plan.to() + " of " + plan.process() + " is not deployed; start the new version of the application first."));
    List<Move> moving = new ArrayList<>();
    List<Stay> staying = new ArrayList<>();
    Map<MigrationPlan, List<String>> movable = new LinkedHashMap<>();
    for (ProcessDefinition source : sources(plan, target.getId())) {
      String version = source.getVersionTag() + " (v" + source.getVersion() + ")";
      List<ProcessInstance> open = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
      MigrationPlan migrationPlan;
      try {
        migrationPlan = migrationPlan(plan, source, target);
      } catch (MigrationPlanValidationException invalid) {
        String reason = "The plan does not fit this version: " + invalid.getValidationReport().getInstructionReports().stream()
            .flatMap(report -> report.getFailures().stream()).collect(Collectors.joining("; "));
        open.forEach(instance -> staying.add(new Stay(instance.getBusinessKey(), instance.getId(), version, waitingAt(instance), reason)));
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (ProcessInstance instance : open) {
        List<String> waitingAt = waitingAt(instance);
        Optional<String> refused = tryMove(migrationPlan, instance.getId());
        if (refused.isPresent()) {
          staying.add(new Stay(instance.getBusinessKey(), instance.getId(), version, waitingAt, refused.get()));
        } else {
          moving.add(new Move(instance.getBusinessKey(), instance.getId(), version, waitingAt));
          ids.add(instance.getId());
        }
      }
      movable.put(migrationPlan, ids);
    }
    moving.sort(Comparator.comparing(Move::businessKey, Comparator.nullsLast(Comparator.naturalOrder())));
    staying.sort(Comparator.comparing(Stay::businessKey, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Checked(new DryRun(plan.name(), plan.process(), plan.to(), target.getVersion(), moving, staying), movable);
  }

  /**
   * The engine's mapping of equal ids, but for the elements the plan maps elsewhere (a replaced
   * element whose id the new version still has would otherwise map twice), and the plan's own.
   */
  private MigrationPlan migrationPlan(MigrationPlanFile plan, ProcessDefinition source, ProcessDefinition target) {
    var model = repositoryService.getBpmnModelInstance(source.getId());
    List<Instruction> explicit = plan.instructions().stream()
        .filter(instruction -> model.getModelElementById(instruction.from()) != null).toList();
    Set<String> remapped = explicit.stream().map(Instruction::from).collect(Collectors.toSet());
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
    for (MigrationInstruction equal : runtimeService.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().build().getInstructions()) {
      if (!remapped.contains(equal.getSourceActivityId())) {
        builder.mapActivities(equal.getSourceActivityId(), equal.getTargetActivityId());
      }
    }
    explicit.forEach(instruction -> builder.mapActivities(instruction.from(), instruction.to()));
    return builder.build();
  }

  /** The engine's verdict on moving this case, in a transaction rolled back whatever it says. */
  private Optional<String> tryMove(MigrationPlan migrationPlan, String processInstanceId) {
    try {
      trial.executeWithoutResult(status -> {
        status.setRollbackOnly();
        migration(migrationPlan, List.of(processInstanceId)).execute();
      });
      return Optional.empty();
    } catch (MigratingProcessInstanceValidationException refused) {
      return Optional.of(reasons(refused.getValidationReport()));
    } catch (ProcessEngineException failed) {
      // A job of the case ran meanwhile, or the new version cannot set up its state: it stays for now.
      return Optional.of("Could not be tried (" + String.valueOf(failed.getMessage()).lines().findFirst().orElse("")
          + "); the next dry run tries it again.");
    }
  }

  /** The same move for the trial and the batch: where a case stands changes, nothing runs. */
  private MigrationPlanExecutionBuilder migration(MigrationPlan migrationPlan, List<String> processInstanceIds) {
    return runtimeService.newMigration(migrationPlan).processInstanceIds(processInstanceIds).skipCustomListeners().skipIoMappings();
  }

  private static String reasons(MigratingProcessInstanceValidationReport report) {
    Stream<String> instance = report.getFailures().stream();
    Stream<String> activities = report.getActivityInstanceReports().stream()
        .flatMap(activity -> activity.getFailures().stream().map(failure -> activity.getSourceScopeId() + ": " + failure));
    Stream<String> transitions = report.getTransitionInstanceReports().stream()
        .flatMap(transition -> transition.getFailures().stream().map(failure -> transition.getSourceScopeId() + ": " + failure));
    return Stream.of(instance, activities, transitions).flatMap(s -> s).collect(Collectors.joining("; "));
  }

  private List<String> waitingAt(ProcessInstance instance) {
    return runtimeService.getActiveActivityIds(instance.getId()).stream().distinct().sorted().toList();
  }

  private Optional<ProcessDefinition> target(MigrationPlanFile plan) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(plan.process()).versionTag(plan.to())
        .orderByProcessDefinitionVersion().desc().listPage(0, 1).stream().findFirst();
  }

  /** Every deployed version carrying one of the plan's source tags (a redeploy of a tag is a version too). */
  private List<ProcessDefinition> sources(MigrationPlanFile plan, String targetId) {
    return plan.from().stream()
        .flatMap(tag -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(plan.process()).versionTag(tag)
            .orderByProcessDefinitionVersion().asc().list().stream())
        .filter(definition -> !definition.getId().equals(targetId))
        .toList();
  }

  MigrationPlanFile plan(String name) {
    return plans.find(name).orElseThrow(() -> new UnknownMigrationPlanException(name));
  }
}
