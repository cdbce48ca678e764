package io.rmaflow.security;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.api.ApiClient;
import io.rmaflow.api.TestCases;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The task query with its authorization check by EXISTS, and the caller's groups as given
 * (ADRs 25 and 27), list and count the same tasks as the engine's own statement and group
 * narrowing: for every staff login, a login of two groups and a login granted by the process
 * definition's key, every Tasklist filter it sees, and every sorting of Tasklist's sort
 * control. On H2 here, on PostgreSQL in the build's second run.
 */
@RmaSpringBootTest
class AuthorizedTaskQueryTest {

  static final String TWO_GROUPS = "deskdock";
  /** A login whose tasks come from a grant on the process definition's key, not on each task. */
  static final String BY_KEY = "keyreader";
  static final String BY_KEY_GROUP = "rma-task-readers";

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void theAppsTaskQueryIsTheEnginesStatementWithTheAuthorizationCheckByExists() throws IOException {
    String ours = fragment(read(AuthorizedTaskQueryPlugin.MAPPER));
    String engine = fragment(read("org/camunda/bpm/engine/impl/mapping/entity/Task.xml"));
    Matcher join = Pattern.compile("<if test=\"authCheck\\.shouldPerformAuthorizatioCheck[^>]*>\\s*<if test=\"!authCheck"
        + "\\.revokeAuthorizationCheckEnabled\">\\s*<include refid=\"[^\"]*authCheckJoinWithoutOnClause\" />\\s*AUTH ON"
        + " \\([^\\n]*\\)\\s*</if>\\s*</if>").matcher(engine);
    assertThat(join.find()).as("the engine's join with the authorizations").isTrue();
    String expected = engine.substring(0, join.start()) + engine.substring(join.end());
    expected = expected.replace("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
        + ".contextualAuthorizationCheck", AuthorizedTaskQueryPlugin.NAMESPACE + ".authorizationCheckByExists");
    assertThat(normalized(ours)).isEqualTo(normalized(expected));
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    AuthorizedTaskQueryPlugin.STATEMENTS.forEach((statement, replacement) ->
        assertThat(sessions.mapStatement(statement)).isEqualTo(replacement));
    assertThat(configuration.getSessionFactories().get(AuthorizationManager.class).openSession())
        .isInstanceOf(AuthorizedTaskQueryPlugin.GroupsAsGivenAuthorizationManager.class);
  }

  @Test
  void everyLoginFilterAndSortingListsTheTasksTheEngineWouldList() {
    ApiClient api = new ApiClient(http);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      cases.add(TestCases.inRemoteDiagnosis(api, driver));
    }
    String atDock = TestCases.inRemoteDiagnosis(api, driver);
    driver.sendIn(atDock);
    api.post("portal", "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF1"), atDock);
    String claimed = TestCases.inRemoteDiagnosis(api, driver);
    driver.sendIn(claimed);
    driver.receiveIntact(claimed);
    taskService.claim(driver.task(claimed, DIAGNOSE_FAULT).getId(), "tech");
    String quoted = TestCases.quoted(api, driver);
    taskService.setPriority(driver.task(cases.get(0), REMOTE_DIAGNOSIS).getId(), 90);
    twoGroupLogin();
    List<String> keyGrants = keyGrantLogin();

    Map<String, Supplier<TaskQuery>> sortings = sortings();
    List<String> logins = List.of("desk", "dock", "tech", "qa", "finance", "logistics", "field", "manager", "owner",
        TWO_GROUPS, BY_KEY);
    int compared = 0;
    java.util.Set<String> nonEmpty = new java.util.TreeSet<>();
    try {
      for (String login : logins) {
        List<String> groups = identityService.createGroupQuery().groupMember(login).list().stream().map(Group::getId)
            .toList();
        identityService.setAuthentication(login, groups);
        try {
          List<Filter> filters = filterService.createFilterQuery().list();
          assertThat(filters).as("filters of " + login).isNotEmpty();
          for (Filter filter : filters) {
            for (Map.Entry<String, Supplier<TaskQuery>> sorting : sortings.entrySet()) {
              String what = login + ", " + filter.getName() + ", " + sorting.getKey();
              List<String> oursPage = page(filter, sorting.getValue().get());
              long oursCount = count(filter, sorting.getValue().get());
              List<String> enginePage = asTheEngine(() -> page(filter, sorting.getValue().get()));
              long engineCount = asTheEngine(() -> count(filter, sorting.getValue().get()));
              assertThat(oursPage).as(what).isEqualTo(enginePage);
              assertThat(oursCount).as(what).isEqualTo(engineCount);
              compared++;
              if (!oursPage.isEmpty()) {
                nonEmpty.add(login + ": " + filter.getName());
              }
            }
          }
          List<String> all = ids(taskService.createTaskQuery().orderByTaskCreateTime().asc().orderByTaskId().asc().list());
          assertThat(all).as(login + ", every task it may read")
              .isEqualTo(asTheEngine(() -> ids(taskService.createTaskQuery().orderByTaskCreateTime().asc()
                  .orderByTaskId().asc().list())));
        } finally {
          identityService.clearAuthentication();
        }
      }
    } finally {
      identityService.deleteUser(TWO_GROUPS);
      keyGrants.forEach(authorizationService::deleteAuthorization);
      identityService.deleteUser(BY_KEY);
      identityService.deleteGroup(BY_KEY_GROUP);
    }
    assertThat(compared).isGreaterThan(logins.size() * sortings.size());
    assertThat(nonEmpty).as("filters that list tasks, not only empty ones").contains("desk: Service desk",
        "dock: Receiving dock", "tech: Technicians", "tech: My tasks", "deskdock: Service desk",
        "deskdock: Receiving dock", BY_KEY + ": Technicians");

    // The group's own queue, as the security model has it: the desk's login lists its cases, the dock's does not.
    identityService.setAuthentication("dock", List.of(Groups.RECEIVING));
    try {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(cases.get(1)).count()).isZero();
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(atDock).count()).isOne();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(quoted).isNotBlank();
  }

  /**
   * Tasklist's sort control: each property both ways, the list's default (priority, then due
   * date), and none (the engine's order by id).
   */
  Map<String, Supplier<TaskQuery>> sortings() {
    Map<String, Supplier<TaskQuery>> sortings = new LinkedHashMap<>();
    sortings.put("no sorting", () -> null);
    sortings.put("priority desc, due date asc",
        () -> taskService.createTaskQuery().orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskId().asc());
    for (String direction : List.of("asc", "desc")) {
      sortings.put("created " + direction, () -> direct(taskService.createTaskQuery()
          .orderByTaskCreateTime(), direction));
      sortings.put("due date " + direction, () -> direct(taskService.createTaskQuery()
          .orderByDueDate(), direction));
      sortings.put("follow-up date " + direction, () -> direct(taskService.createTaskQuery()
          .orderByFollowUpDate(), direction));
      sortings.put("name " + direction, () -> direct(taskService.createTaskQuery()
          .orderByTaskName(), direction));
      sortings.put("assignee " + direction, () -> direct(taskService.createTaskQuery()
          .orderByTaskAssignee(), direction));
      sortings.put("RMA variable " + direction, () -> direct(taskService.createTaskQuery()
          .orderByProcessVariable("rmaNumber", org.camunda.bpm.engine.variable.type.ValueType.STRING), direction));
    }
    return sortings;
  }

  /** Tasklist's first page of the filter, as {@code POST /filter/{id}/list} asks for it. */
  List<String> page(Filter filter, TaskQuery sorting) {
    return ids(sorting == null ? filterService.listPage(filter.getId(), 0, 15)
        : filterService.listPage(filter.getId(), sorting, 0, 15));
  }

  long count(Filter filter, TaskQuery sorting) {
    return sorting == null ? filterService.count(filter.getId()) : filterService.count(filter.getId(), sorting);
  }

  /** Ties (same priority, no due date, ...) are in no defined order, so each sorting ends with the task's id. */
  static TaskQuery direct(TaskQuery query, String direction) {
    return ("asc".equals(direction) ? query.asc() : query.desc()).orderByTaskId().asc();
  }

  /** Runs the call with the engine's own task statements and group narrowing, then puts the app's back. */
  <T> T asTheEngine(Supplier<T> call) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> engine = new HashMap<>(ours);
    AuthorizedTaskQueryPlugin.STATEMENTS.keySet().forEach(engine::remove);
    Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
    SessionFactory ourManager = factories.get(AuthorizationManager.class);
    sessions.setStatementMappings(engine);
    factories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
    try {
      return call.get();
    } finally {
      sessions.setStatementMappings(ours);
      factories.put(AuthorizationManager.class, ourManager);
    }
  }

  void twoGroupLogin() {
    if (identityService.createUserQuery().userId(TWO_GROUPS).count() == 0) {
      User user = identityService.newUser(TWO_GROUPS);
      user.setPassword("deskdock-" + System.nanoTime());
      identityService.saveUser(user);
      identityService.createMembership(TWO_GROUPS, Groups.SERVICE_DESK);
      identityService.createMembership(TWO_GROUPS, Groups.RECEIVING);
    }
  }

  /**
   * The staff's tasks are granted per task and managers' and owners' with '*'; this login reads
   * the RMA process's tasks by a grant on its key, the check's third kind of resource id.
   * Returns the grants it made.
   */
  List<String> keyGrantLogin() {
    User user = identityService.newUser(BY_KEY);
    user.setPassword("keyreader-" + System.nanoTime());
    identityService.saveUser(user);
    identityService.saveGroup(identityService.newGroup(BY_KEY_GROUP));
    identityService.createMembership(BY_KEY, BY_KEY_GROUP);
    return List.of(
        grant(Resources.PROCESS_DEFINITION, RmaProcess.KEY, ProcessDefinitionPermissions.READ_TASK),
        grant(Resources.FILTER, Authorization.ANY, Permissions.READ));
  }

  String grant(Resource resource, String resourceId, Permission permission) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(BY_KEY_GROUP);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    return authorizationService.saveAuthorization(grant).getId();
  }

  static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  static String fragment(String mapper) {
    int start = mapper.indexOf("<sql id=\"selectTaskByQueryCriteriaSql\">");
    int end = mapper.indexOf("</sql>", start);
    assertThat(start).isNotNegative();
    return mapper.substring(start, end);
  }

  static String normalized(String xml) {
    return xml.replaceAll("\\s+", " ").trim();
  }

  static String read(String resource) throws IOException {
    try (InputStream in = AuthorizedTaskQueryTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
