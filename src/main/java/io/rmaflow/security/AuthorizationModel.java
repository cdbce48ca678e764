package io.rmaflow.security;

import static io.rmaflow.process.RmaProcess.Groups.*;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.rmaflow.contract.ContractProcess;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.report.ReportProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may do what, as code: the contract's groups, their grants and their Tasklist filters,
 * made and brought up to date on every start, on every database. A new installation needs
 * only its users put into groups (Camunda Admin); the demo setup adds logins and sample data.
 *
 * <p>Each grant this model names is set to exactly its permissions, so a grant widened by hand
 * (or by an earlier version) is narrowed again at the next start. Grants it does not name are
 * left alone: the engine's own per-task grants, and what an administrator added for other
 * groups. Nodes starting together take the engine's deployment lock first, so one of them
 * writes the model and the others find it written.
 */
@Component
@Order(0)
public class AuthorizationModel implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationModel.class);

  /** The contract's groups and their names in Admin and Tasklist. */
  public static final Map<String, String> GROUP_NAMES = orderedMap(
      SERVICE_DESK, "Service desk", RECEIVING, "Receiving dock", TECHNICIANS, "Technicians", QUALITY,
      "Quality inspectors", FINANCE, "Finance", LOGISTICS, "Logistics", FIELD_SERVICE, "Field service",
      SERVICE_MANAGERS, "Service managers", PROCESS_OWNERS, "Process owners", API_CLIENTS, "API clients",
      CAMUNDA_ADMIN, "Camunda administrators");

  static final String MY_TASKS = "My tasks";
  static final String OVERDUE = "Overdue";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  AuthorizationModel(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, TransactionTemplate transaction, JdbcClient jdbc) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.transaction = transaction;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    apply();
  }

  /** Brings groups, grants and filters to this model; returns how many grants it created or changed. */
  public int apply() {
    return transaction.execute(status -> {
      // The engine's own lock for deployments: a second node waits here until the first has committed.
      jdbc.sql("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE").query().listOfRows();
      GROUP_NAMES.forEach(this::keepGroup);
      int changed = 0;
      for (Grant grant : grants()) {
        changed += keep(grant) ? 1 : 0;
      }
      for (Grant grant : withdrawn()) {
        changed += withdraw(grant) ? 1 : 0;
      }
      if (changed > 0) {
        LOG.info("Authorization model applied: {} grants created or brought back to the model", changed);
      }
      refuseRevokes();
      return changed;
    });
  }

  /**
   * The engine is set to skip REVOKE authorizations (ADR 24), and the guards refuse new ones;
   * one made in the database directly would restrict nothing, so the node does not start.
   */
  void refuseRevokes() {
    List<String> revokes = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .listPage(0, 10).stream().map(Authorization::getId).toList();
    if (!revokes.isEmpty()) {
      throw new IllegalStateException("REVOKE authorizations exist (" + String.join(", ", revokes) + "). RMA Flow grants "
          + "access to groups and never revokes it, and the engine skips revoke checks (authorization-check-revokes: "
          + "never, ADR 24), so they would restrict nothing. Delete them in Camunda Admin (Authorizations) and start again.");
    }
  }

  private void keepGroup(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    String type = CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW;
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  /** Every grant of the model, filters included (their grants name the filter's id). */
  List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }
    for (String group : STAFF) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      // Process name and diagram in Tasklist; tasks themselves are granted per candidate group by the engine.
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, RmaProcess.KEY, ProcessDefinitionPermissions.READ));
    }
    // Contract tasks go to finance (audits, invoices) and the service managers (extensions, reports).
    grants.add(new Grant(FINANCE, Resources.PROCESS_DEFINITION, ContractProcess.KEY, ProcessDefinitionPermissions.READ));
    grants.add(new Grant(SERVICE_MANAGERS, Resources.PROCESS_DEFINITION, ContractProcess.KEY,
        ProcessDefinitionPermissions.READ));
    // Months below target come to the service managers for review.
    grants.add(new Grant(SERVICE_MANAGERS, Resources.PROCESS_DEFINITION, ReportProcess.KEY,
        ProcessDefinitionPermissions.READ));
    // Managers chase late work: they read every task and may give it to someone; they work only their group's.
    grants.add(new Grant(SERVICE_MANAGERS, Resources.TASK, ANY, Permissions.READ, TaskPermissions.TASK_ASSIGN));
    // Owners read everything and retry what failed; changing a case is for administrators.
    grants.add(new Grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(new Grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.RETRY_JOB));
    grants.add(new Grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB));
    grants.add(new Grant(PROCESS_OWNERS, Resources.TASK, ANY, Permissions.READ));
    grants.add(new Grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(new Grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(new Grant(PROCESS_OWNERS, Resources.BATCH, ANY, Permissions.READ));
    grants.add(new Grant(PROCESS_OWNERS, Resources.USER, ANY, Permissions.READ));
    grants.add(new Grant(PROCESS_OWNERS, Resources.GROUP, ANY, Permissions.READ));
    grants.addAll(filterGrants());
    return grants;
  }

  /** Grants earlier versions made that the model no longer has: staff read every user (and so who the administrators are). */
  static List<Grant> withdrawn() {
    return STAFF.stream().map(group -> new Grant(group, Resources.USER, ANY)).toList();
  }

  private boolean withdraw(Grant grant) {
    List<Authorization> found = authorizationService.createAuthorizationQuery().groupIdIn(grant.groupId())
        .resourceType(grant.resource()).resourceId(grant.resourceId()).list();
    found.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    return !found.isEmpty();
  }

  /**
   * The filters select, Tasklist's sort control orders: a filter's own ordering would come first
   * and leave the control without effect. The Tasklist customization (scripts/rma-tasklist.js)
   * opens every list by priority, then due date.
   */
  private List<Grant> filterGrants() {
    List<Grant> grants = new ArrayList<>();
    int order = 1;
    for (String group : STAFF) {
      TaskQuery query = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
      Filter filter = keepFilter(GROUP_NAMES.get(group), "Open tasks of " + GROUP_NAMES.get(group), order++, query);
      grants.add(new Grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
    }
    // After the group filters: Tasklist opens the first filter, and a team's queue is where work starts.
    Filter myTasks = keepFilter(MY_TASKS, "Tasks I have claimed", order++,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    Filter overdue = keepFilter(OVERDUE, "Every open task past its working-time deadline", order,
        taskService.createTaskQuery().dueBeforeExpression("${now()}"));
    grants.add(new Grant(SERVICE_MANAGERS, Resources.FILTER, overdue.getId(), Permissions.READ));
    grants.add(new Grant(PROCESS_OWNERS, Resources.FILTER, overdue.getId(), Permissions.READ));
    for (String group : STAFF) {
      grants.add(new Grant(group, Resources.FILTER, myTasks.getId(), Permissions.READ));
    }
    return grants;
  }

  private Filter keepFilter(String name, String description, int order, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", order);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "rmaNumber", "label", "RMA"),
        Map.of("name", "contractNumber", "label", "Contract"),
        Map.of("name", "customerName", "label", "Customer"),
        Map.of("name", "productModel", "label", "Product"),
        Map.of("name", "priority", "label", "Priority")));
    List<Filter> existing = filterService.createFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null).toList();
    Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
    return filterService.saveFilter(filter.setQuery(query).setProperties(properties));
  }

  /** @return true when the grant was created or its permissions changed */
  private boolean keep(Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId()).list().stream()
        .filter(found -> found.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst().orElse(null);
    if (authorization != null && samePermissions(authorization, grant)) {
      return false;
    }
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    authorization.setPermissions(grant.permissions());
    authorizationService.saveAuthorization(authorization);
    return true;
  }

  private static boolean samePermissions(Authorization authorization, Grant grant) {
    int expected = 0;
    for (Permission permission : grant.permissions()) {
      expected |= permission.getValue();
    }
    return ((AuthorizationEntity) authorization).getPermissions() == expected;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** One grant of the model: a group's exact permissions on a resource. */
  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {}
}
