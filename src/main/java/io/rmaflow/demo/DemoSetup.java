package io.rmaflow.demo;

import static io.rmaflow.process.RmaProcess.Groups.*;

import io.rmaflow.contract.Billing;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractRegistration;
import io.rmaflow.contract.ContractRegistrationService;
import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.ProductRegistry;
import io.rmaflow.product.ProductUnit;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.security.ApiKeys;
import io.rmaflow.security.AuthorizationModel;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo setup: one login per actor (password = user id) in the groups of the
 * {@link AuthorizationModel}, an API key for the demo shop portal, product units for every
 * warranty case, and a few applications and service contracts to work on. Runs once, on an
 * empty identity store, in one transaction: nodes of a cluster starting together race for
 * the first login's key, and the losers find the winner's setup once it is committed.
 * On by default with the embedded H2 database only; on any other database, such as
 * PostgreSQL in production, an administrator puts real users into the groups through Camunda Admin.
 */
@Component
@Order(10)
public class DemoSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  static final String PORTAL_LOGIN = "portal";

  /** The demo shop portal's API key, for trying the API by hand (README); every other key is random. */
  public static final String DEMO_API_KEY = "rma_demo_portal_key_for_trying_the_api_only";

  /** Login → group, from the contract's actors. */
  static final Map<String, String> LOGINS = orderedMap(
      "admin", CAMUNDA_ADMIN, "desk", SERVICE_DESK, "dock", RECEIVING, "tech", TECHNICIANS, "qa", QUALITY,
      "finance", FINANCE, "logistics", LOGISTICS, "field", FIELD_SERVICE, "manager", SERVICE_MANAGERS,
      "owner", PROCESS_OWNERS, PORTAL_LOGIN, API_CLIENTS);

  private final IdentityService identityService;
  private final ApiKeys apiKeys;
  private final ProductRegistry productRegistry;
  private final SubmitRmaService submitRmaService;
  private final ContractRegistrationService contractRegistrations;
  private final RmaClock clock;
  private final TransactionTemplate transaction;
  private final boolean submitApplications;
  private final boolean enabled;

  public DemoSetup(IdentityService identityService, ApiKeys apiKeys, ProductRegistry productRegistry,
      SubmitRmaService submitRmaService, ContractRegistrationService contractRegistrations, RmaClock clock,
      RmaProperties properties,
      TransactionTemplate transaction, @Value("${spring.datasource.url:}") String jdbcUrl) {
    this.identityService = identityService;
    this.apiKeys = apiKeys;
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
    LOG.info("Creating the demo setup: logins, the portal's API key and product units");
    LOGINS.forEach(this::createUser);
    apiKeys.issueKnown(PORTAL_LOGIN, "Demo shop portal", DEMO_API_KEY);
    registerProducts();
    if (submitApplications) {
      submitApplications();
      registerContracts();
    }
  }

  private void createUser(String id, String groupId) {
    User user = identityService.newUser(id);
    user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
    user.setLastName("(" + AuthorizationModel.GROUP_NAMES.get(groupId) + ")");
    user.setEmail(id + "@rmaflow.example");
    user.setPassword(id);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
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

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
