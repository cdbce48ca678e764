package io.rmaflow.demo;

import static io.rmaflow.process.RmaProcess.Groups.*;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.rmaflow.contract.Billing;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.contract.ContractRegistration;
import io.rmaflow.contract.ContractRegistrationService;
import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.ProductRegistry;
import io.rmaflow.product.ProductUnit;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.report.ReportProcess;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo setup: the contract's groups, one login per actor (password = user id), the
 * authorizations that let each group see only its own work, a Tasklist filter per group,
 * product units for every warranty case, and a few applications and service contracts to work on. Runs once, on an
 * empty identity store, in one transaction: nodes of a cluster starting together race for
 * the first group's key, and the losers find the winner's setup once it is committed.
 * On by default with the embedded H2 database only; on any other database, such as
 * PostgreSQL in production, an administrator sets up real users through Camunda Admin.
 */
@Component
public class DemoSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  /** Login → group, from the contract's actors. */
  static final Map<String, String> LOGINS = orderedMap(
      "admin", CAMUNDA_ADMIN, "desk", SERVICE_DESK, "dock", RECEIVING, "tech", TECHNICIANS, "qa", QUALITY,
      "finance", FINANCE, "logistics", LOGISTICS, "field", FIELD_SERVICE, "manager", SERVICE_MANAGERS,
      "owner", PROCESS_OWNERS, "portal", API_CLIENTS);

  static final Map<String, String> GROUP_NAMES = orderedMap(
      SERVICE_DESK, "Service desk", RECEIVING, "Receiving dock", TECHNICIANS, "Technicians", QUALITY,
      "Quality inspectors", FINANCE, "Finance", LOGISTICS, "Logistics", FIELD_SERVICE, "Field service",
      SERVICE_MANAGERS, "Service managers", PROCESS_OWNERS, "Process owners", API_CLIENTS, "API clients",
      CAMUNDA_ADMIN, "Camunda administrators");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final ProductRegistry productRegistry;
  private final SubmitRmaService submitRmaService;
  private final ContractRegistrationService contractRegistrations;
  private final RmaClock clock;
  private final TransactionTemplate transaction;
  private final boolean submitApplications;
  private final boolean enabled;

  public DemoSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, ProductRegistry productRegistry,
      SubmitRmaService submitRmaService, ContractRegistrationService contractRegistrations, RmaClock clock,
      RmaProperties properties,
      TransactionTemplate transaction, @Value("${spring.datasource.url:}") String jdbcUrl) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.productRegistry = productRegistry;
    this.submitRmaService = submitRmaService;
    this.contractRegistrations = contractRegistrations;
    this.clock = clock;
    this.transaction = transaction;
    this.submitApplications = properties.demo().applications();
    this.enabled = properties.demo().isOnFor(jdbcUrl);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || isDone()) {
      return;
    }
    try {
      transaction.executeWithoutResult(status -> createSetup());
    } catch (RuntimeException failure) {
      if (!isDone()) {
        throw failure;
      }
      LOG.info("The demo setup was created by another node meanwhile");
    }
  }

  private boolean isDone() {
    return identityService.createUserQuery().userId("admin").count() > 0;
  }

  private void createSetup() {
    LOG.info("Creating the demo setup: groups, logins, authorizations, Tasklist filters and product units");
    GROUP_NAMES.forEach(this::createGroup);
    LOGINS.forEach(this::createUser);
    grantAdministrators();
    grantStaff();
    grantServiceManagers();
    grantProcessOwners();
    createFilters();
    registerProducts();
    if (submitApplications) {
      submitApplications();
      registerContracts();
    }
  }

  private void createGroup(String id, String name) {
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
    identityService.saveGroup(group);
  }

  private void createUser(String id, String groupId) {
    User user = identityService.newUser(id);
    user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
    user.setLastName("(" + GROUP_NAMES.get(groupId) + ")");
    user.setEmail(id + "@rmaflow.example");
    user.setPassword(id);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
  }

  private void grantAdministrators() {
    for (Resources resource : Resources.values()) {
      grant(CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  private void grantStaff() {
    for (String group : STAFF) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Process name and diagram in Tasklist; tasks themselves are granted per candidate group by the engine.
      grant(group, Resources.PROCESS_DEFINITION, RmaProcess.KEY, ProcessDefinitionPermissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
    }
    // Contract tasks go to finance (audits, invoices) and the service managers (extensions, reports).
    grant(FINANCE, Resources.PROCESS_DEFINITION, ContractProcess.KEY, ProcessDefinitionPermissions.READ);
    grant(SERVICE_MANAGERS, Resources.PROCESS_DEFINITION, ContractProcess.KEY, ProcessDefinitionPermissions.READ);
    // Months below target come to the service managers for review.
    grant(SERVICE_MANAGERS, Resources.PROCESS_DEFINITION, ReportProcess.KEY, ProcessDefinitionPermissions.READ);
  }

  /** Managers chase late work: they read every task, and work only their own group's. */
  private void grantServiceManagers() {
    grant(SERVICE_MANAGERS, Resources.TASK, ANY, Permissions.READ);
  }

  private void grantProcessOwners() {
    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB);
    grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.RETRY_JOB);
    grant(PROCESS_OWNERS, Resources.TASK, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.USER, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.GROUP, ANY, Permissions.READ);
  }

  /**
   * The filters select, Tasklist's sort control orders: a filter's own ordering would come first
   * and leave the control without effect. The Tasklist customization (scripts/rma-tasklist.js)
   * opens every list by priority, then due date.
   */
  private void createFilters() {
    int order = 1;
    for (String group : STAFF) {
      TaskQuery query = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
      Filter filter = saveFilter(GROUP_NAMES.get(group), "Open tasks of " + GROUP_NAMES.get(group), order++, query);
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    // After the group filters: Tasklist opens the first filter, and a team's queue is where work starts.
    Filter myTasks = saveFilter("My tasks", "Tasks I have claimed", order++, mine);
    TaskQuery overdue = taskService.createTaskQuery().dueBeforeExpression("${now()}");
    Filter overdueTasks = saveFilter("Overdue", "Every open task past its working-time deadline", order, overdue);
    grant(SERVICE_MANAGERS, Resources.FILTER, overdueTasks.getId(), Permissions.READ);
    grant(PROCESS_OWNERS, Resources.FILTER, overdueTasks.getId(), Permissions.READ);
    for (String group : STAFF) {
      grant(group, Resources.FILTER, myTasks.getId(), Permissions.READ);
    }
  }

  private Filter saveFilter(String name, String description, int order, TaskQuery query) {
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
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
    return filterService.saveFilter(filter);
  }

  /** Units that show each warranty path: in and out of warranty, per category, one grey import, two under contract. */
  private void registerProducts() {
    var today = clock.today();
    List.of(
        new ProductUnit("SN-X200-0001", "X200", ProductCategory.DEVICE, today.minusMonths(3), SalesChannel.OFFICIAL_STORE),
        new ProductUnit("SN-X200-0002", "X200", ProductCategory.DEVICE, today.minusMonths(18), SalesChannel.OFFICIAL_STORE),
        new ProductUnit("SN-X300-0001", "X300", ProductCategory.DEVICE, today.minusMonths(1), SalesChannel.AUTHORIZED_RESELLER),
        new ProductUnit("SN-CHG-0001", "Fast charger C65", ProductCategory.ACCESSORY, today.minusMonths(2), SalesChannel.OFFICIAL_STORE),
        new ProductUnit("SN-BAT-0001", "Battery B5000", ProductCategory.BATTERY, today.minusMonths(8), SalesChannel.OFFICIAL_STORE),
        new ProductUnit("SN-GREY-0001", "X200", ProductCategory.DEVICE, today.minusMonths(2), SalesChannel.OTHER),
        // Out of warranty, covered by the demo maintenance contract.
        new ProductUnit("SN-X200-0100", "X200", ProductCategory.DEVICE, today.minusMonths(20), SalesChannel.OFFICIAL_STORE),
        new ProductUnit("SN-X200-0101", "X200", ProductCategory.DEVICE, today.minusMonths(20), SalesChannel.OFFICIAL_STORE))
        .forEach(productRegistry::register);
  }

  /** A few applications, so Tasklist has work from the first login on. */
  private void submitApplications() {
    var today = clock.today();
    submitRmaService.submit(demoApplication("Li Wei", "li.wei@example.com", "zh", "Shanghai", "Shanghai",
        "X200", "SN-X200-0001", "INV-2026-0088", today.minusMonths(3), "Does not power on", Priority.HIGH));
    submitRmaService.submit(demoApplication("Anna Schmidt", "anna.schmidt@example.com", "en", "Hangzhou", "Zhejiang",
        "X200", "SN-X200-0002", "INV-2024-1107", today.minusMonths(18), "Screen flickers", Priority.MEDIUM));
    submitRmaService.submit(demoApplication("Chen Jie", "chen.jie@example.com", "zh", "Beijing", "Beijing",
        "X500", "SN-X500-7731", null, null, "Battery drains within an hour", Priority.LOW));
  }

  /**
   * Two contracts moved over from a former system: a maintenance contract for two units, paid
   * to the end of this month, and a support contract billed by the year whose second year fell
   * due ten days ago and is unpaid, so it runs up late fees (not yet long enough to be suspended).
   */
  List<String> registerContracts() {
    LocalDate today = clock.today();
    LocalDate monthStart = today.withDayOfMonth(1).minusMonths(2);
    String maintenance = contractRegistrations.register(new ContractRegistration(
        demoCustomer("Zhou Min", "it@zhou-logistics.example", "zh", "Shanghai", "Shanghai"),
        ContractPlan.MAINTENANCE, List.of("SN-X200-0100", "SN-X200-0101"), null, monthStart,
        monthStart.plusYears(1).minusDays(1), Billing.MONTHLY, new ContractRegistration.Fee(new BigDecimal("100.00"), "CNY"),
        null, today.withDayOfMonth(1).plusMonths(1).minusDays(1)), null).contractNumber();
    LocalDate secondYear = today.minusDays(10);
    LocalDate firstYear = secondYear.minusYears(1);
    String support = contractRegistrations.register(new ContractRegistration(
        demoCustomer("Anna Schmidt", "it@schmidt-trading.example", "en", "Hangzhou", "Zhejiang"),
        ContractPlan.SUPPORT, List.of(), "Order desk", firstYear, firstYear.plusYears(2).minusDays(1), Billing.ANNUAL,
        new ContractRegistration.Fee(new BigDecimal("12000.00"), "CNY"),
        new ContractRegistration.RequestedServiceLevels(2, null, new BigDecimal("99.90")),
        firstYear.plusYears(1).minusDays(1)), null).contractNumber();
    return List.of(maintenance, support);
  }

  private static Customer demoCustomer(String name, String email, String locale, String city, String province) {
    return new Customer(name, email, "+86 138 0000 0000", locale, new Address("1 Demo Road", city, province, "100000", "CN"));
  }

  private static RmaApplication demoApplication(String name, String email, String locale, String city,
      String province, String model, String serial, String invoice, LocalDate invoiceDate, String fault,
      Priority priority) {
    return new RmaApplication(demoCustomer(name, email, locale, city, province),
        new RmaApplication.Product(model, serial),
        new RmaApplication.Purchase(SalesChannel.OFFICIAL_STORE, invoice, invoiceDate, invoiceDate),
        new RmaApplication.Fault(fault, "GENERAL"),
        priority, ServiceType.MAIL_IN, false, new RmaApplication.Acknowledgements(true, true));
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
