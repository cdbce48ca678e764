package io.rmaflow.contract;

import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.process.Priority;
import io.rmaflow.support.Price;
import io.rmaflow.support.Transactions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of this module's tables; every statement is written out here. */
@Repository
class ContractRepository {

  private static final int TIMELINE_DETAIL_LENGTH = 2000;

  private final JdbcClient jdbc;
  private final Transactions transactions;

  ContractRepository(JdbcClient jdbc, Transactions transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** A contract being registered, before any step has worked on it. */
  record NewContract(String contractNumber, ContractStatus status, ContractPlan plan, String system, List<String> units,
      Customer customer, LocalDate startsOn, LocalDate endsOn, Billing billing, BigDecimal fee, String currency,
      ServiceLevels serviceLevels, OffsetDateTime registeredAt, OffsetDateTime activationDueBy) {}

  void insert(NewContract c) {
    Customer customer = c.customer();
    Address address = customer.address();
    ServiceLevels levels = c.serviceLevels();
    jdbc.sql("""
        INSERT INTO service_contract (contract_number, status, plan, system_name,
          customer_name, customer_email, customer_email_key, customer_phone, customer_locale,
          address_line1, address_city, address_province, address_postal_code, address_country,
          first_starts_on, term, starts_on, ends_on, service_until, billing, fee_amount, currency,
          response_working_hours, resolution_hours_high, resolution_hours_medium, resolution_hours_low,
          availability_target, registered_at, updated_at, activation_due_by, renewal)
        VALUES (:number, :status, :plan, :system, :name, :email, LOWER(:email), :phone, :locale,
          :line1, :city, :province, :postalCode, :country,
          :startsOn, 1, :startsOn, :endsOn, :endsOn, :billing, :fee, :currency,
          :response, :high, :medium, :low, :availability, :registeredAt, :registeredAt, :activationDueBy, 'UNDECIDED')
        """)
        .param("number", c.contractNumber())
        .param("status", c.status().name())
        .param("plan", c.plan().name())
        .param("system", c.system())
        .param("name", customer.name())
        .param("email", customer.email())
        .param("phone", customer.phone())
        .param("locale", customer.localeOrDefault())
        .param("line1", address.line1())
        .param("city", address.city())
        .param("province", address.province())
        .param("postalCode", address.postalCode())
        .param("country", address.country())
        .param("startsOn", c.startsOn())
        .param("endsOn", c.endsOn())
        .param("billing", c.billing().name())
        .param("fee", c.fee())
        .param("currency", c.currency())
        .param("response", levels.responseWorkingHours())
        .param("high", levels.resolutionWorkingHours().get(Priority.HIGH))
        .param("medium", levels.resolutionWorkingHours().get(Priority.MEDIUM))
        .param("low", levels.resolutionWorkingHours().get(Priority.LOW))
        .param("availability", levels.availabilityTarget())
        .param("registeredAt", c.registeredAt())
        .param("activationDueBy", c.activationDueBy())
        .update();
    for (String serial : c.units()) {
      jdbc.sql("INSERT INTO contract_unit (contract_number, serial_number) VALUES (?, ?)")
          .params(c.contractNumber(), serial).update();
    }
  }

  /**
   * Locks the serial numbers against other registrations until this transaction ends, in a
   * fixed order, so two registrations of one unit wait for each other instead of both passing.
   */
  void lockUnits(List<String> serials) {
    for (String serial : serials.stream().sorted().distinct().toList()) {
      try {
        // Apart from the registration's transaction, which a taken key would abort on PostgreSQL
        transactions.apart(() -> jdbc.sql("INSERT INTO contract_unit_lock (serial_number) SELECT ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM contract_unit_lock WHERE serial_number = ?)")
            .params(serial, serial).update());
      } catch (DuplicateKeyException concurrentFirstLock) {
        // The other registration created the row; locking it below waits for that one.
      }
      jdbc.sql("SELECT serial_number FROM contract_unit_lock WHERE serial_number = ? FOR UPDATE")
          .param(serial).query(String.class).list();
    }
  }

  /** Open contracts covering one of the serials on some day from {@code from} to {@code to}. */
  List<String> openContractsCovering(List<String> serials, LocalDate from, LocalDate to) {
    if (serials.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        SELECT DISTINCT c.contract_number FROM service_contract c JOIN contract_unit u ON u.contract_number = c.contract_number
        WHERE u.serial_number IN (:serials) AND c.status NOT IN ('ENDED', 'EXPIRED', 'CANCELLED_UNPAID')
          AND c.starts_on <= :to AND c.service_until >= :from
        ORDER BY c.contract_number""")
        .param("serials", serials).param("from", from).param("to", to)
        .query(String.class).list();
  }

  Optional<ServiceContract> find(String contractNumber) {
    return withUnits(jdbc.sql("SELECT * FROM service_contract WHERE contract_number = ?").param(contractNumber)
        .query(this::mapContract).list()).stream().findFirst();
  }

  List<ServiceContract> search(ContractStatus status, String serialNumber, String email, int offset, int limit) {
    return withUnits(filtered("SELECT c.* FROM service_contract c", status, serialNumber, email,
        " ORDER BY c.registered_at DESC, c.contract_number DESC LIMIT :limit OFFSET :offset")
        .param("limit", limit).param("offset", offset).query(this::mapContract).list());
  }

  long count(ContractStatus status, String serialNumber, String email) {
    return filtered("SELECT COUNT(*) FROM service_contract c", status, serialNumber, email, "").query(Long.class).single();
  }

  private JdbcClient.StatementSpec filtered(String select, ContractStatus status, String serialNumber, String email,
      String tail) {
    StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (status != null) {
      sql.append(" AND c.status = :status");
      params.put("status", status.name());
    }
    if (serialNumber != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM contract_unit u WHERE u.contract_number = c.contract_number"
          + " AND u.serial_number = :serial)");
      params.put("serial", serialNumber);
    }
    if (email != null) {
      sql.append(" AND c.customer_email_key = LOWER(:email)");
      params.put("email", email);
    }
    return jdbc.sql(sql.append(tail).toString()).params(params);
  }

  /** Contracts covering the serial number, latest start first, whatever their status. */
  List<ServiceContract> coveringUnit(String serialNumber) {
    return withUnits(jdbc.sql("""
        SELECT c.* FROM service_contract c JOIN contract_unit u ON u.contract_number = c.contract_number
        WHERE u.serial_number = ? ORDER BY c.starts_on DESC, c.contract_number DESC""")
        .param(serialNumber).query(this::mapContract).list());
  }

  /** Contracts that served on some day of {@code [from, to]}: served from a day up to then, and until a day since. */
  List<ServiceContract> servingDuring(LocalDate from, LocalDate to) {
    return withUnits(jdbc.sql("""
        SELECT * FROM service_contract WHERE service_from IS NOT NULL AND service_from <= :to AND service_until >= :from
        ORDER BY contract_number""")
        .param("from", from).param("to", to).query(this::mapContract).list());
  }

  List<ServiceContract> inStatus(List<ContractStatus> statuses) {
    return withUnits(jdbc.sql("SELECT * FROM service_contract WHERE status IN (:statuses) ORDER BY contract_number")
        .param("statuses", statuses.stream().map(Enum::name).toList()).query(this::mapContract).list());
  }

  // --- periods ------------------------------------------------------------------------------

  void insertPeriod(String contractNumber, int term, BillingSchedule.PlannedPeriod period, LocalDate dueOn,
      LocalDate opensOn, boolean paidBeforeRegistration) {
    jdbc.sql("""
        INSERT INTO contract_period (contract_number, term, period_from, period_to, net, tax, gross, currency, due_on,
          opens_on, paid_before_registration)
        VALUES (:number, :term, :from, :to, :net, :tax, :gross, :currency, :dueOn, :opensOn, :paidBefore)""")
        .param("number", contractNumber)
        .param("term", term)
        .param("from", period.from())
        .param("to", period.to())
        .param("net", period.price().net())
        .param("tax", period.price().tax())
        .param("gross", period.price().gross())
        .param("currency", period.price().currency())
        .param("dueOn", dueOn)
        .param("opensOn", opensOn)
        .param("paidBefore", paidBeforeRegistration)
        .update();
  }

  List<ContractPeriod> periods(String contractNumber) {
    return jdbc.sql("SELECT * FROM contract_period WHERE contract_number = ? ORDER BY period_from, id")
        .param(contractNumber).query(this::mapPeriod).list();
  }

  /** The periods of every contract in one of the statuses, by contract number, read at once for the centre's figures. */
  Map<String, List<ContractPeriod>> periodsOfContractsIn(List<ContractStatus> statuses) {
    return jdbc.sql("""
        SELECT p.* FROM contract_period p JOIN service_contract c ON c.contract_number = p.contract_number
        WHERE c.status IN (:statuses) ORDER BY p.contract_number, p.period_from, p.id""")
        .param("statuses", statuses.stream().map(Enum::name).toList())
        .query((rs, row) -> Map.entry(rs.getString("contract_number"), mapPeriod(rs, row))).list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  void markPaid(long periodId, String reference, OffsetDateTime paidAt, BigDecimal lateFee) {
    jdbc.sql("UPDATE contract_period SET payment_reference = ?, paid_at = ?, late_fee = ? WHERE id = ? AND paid_at IS NULL")
        .params(reference, paidAt, lateFee, periodId).update();
  }

  /** A refused payment settled nothing: its periods are unpaid again, their late fees run on. */
  void unmarkPaid(String reference) {
    jdbc.sql("UPDATE contract_period SET payment_reference = NULL, paid_at = NULL, late_fee = NULL WHERE payment_reference = ?")
        .param(reference).update();
  }

  // --- payments -----------------------------------------------------------------------------

  record Payment(String reference, String contractNumber, BigDecimal amount, String currency, OffsetDateTime receivedAt,
      String status, String auditNote, String invoiceNumber) {}

  void insertPayment(String reference, String contractNumber, BigDecimal amount, String currency, OffsetDateTime at) {
    jdbc.sql("INSERT INTO contract_payment (reference, contract_number, amount, currency, received_at, status) "
            + "VALUES (?, ?, ?, ?, ?, 'RECEIVED')")
        .params(reference, contractNumber, amount, currency, at).update();
  }

  Optional<Payment> findPayment(String reference) {
    return jdbc.sql("SELECT * FROM contract_payment WHERE reference = ?").param(reference)
        .query((rs, row) -> new Payment(rs.getString("reference"), rs.getString("contract_number"),
            rs.getObject("amount", BigDecimal.class), rs.getString("currency"),
            rs.getObject("received_at", OffsetDateTime.class), rs.getString("status"), rs.getString("audit_note"),
            rs.getString("invoice_number")))
        .optional();
  }

  void decidePayment(String reference, boolean approved, String auditNote, OffsetDateTime at) {
    jdbc.sql("UPDATE contract_payment SET status = ?, audit_note = ?, decided_at = ? WHERE reference = ?")
        .params(approved ? "APPROVED" : "REFUSED", auditNote, at, reference).update();
  }

  void recordInvoice(String reference, String invoiceNumber) {
    jdbc.sql("UPDATE contract_payment SET invoice_number = ? WHERE reference = ?").params(invoiceNumber, reference).update();
  }

  // --- typed writes of the contract file ----------------------------------------------------

  boolean changeStatus(String contractNumber, ContractStatus status, OffsetDateTime now) {
    return jdbc.sql("UPDATE service_contract SET status = :status, updated_at = :now "
            + "WHERE contract_number = :number AND status <> :status")
        .param("status", status.name()).param("now", now).param("number", contractNumber).update() == 1;
  }

  void recordServiceFrom(String contractNumber, LocalDate serviceFrom, OffsetDateTime now) {
    update(contractNumber, now, "service_from = COALESCE(service_from, :from)", "from", serviceFrom);
  }

  void recordRenewal(String contractNumber, RenewalDecision renewal, OffsetDateTime now) {
    update(contractNumber, now, "renewal = :renewal", "renewal", renewal.name());
  }

  void recordExtensionRequest(String contractNumber, LocalDate until, String reason, OffsetDateTime now) {
    update(contractNumber, now, "extension_until = :until, extension_reason = :reason, extension_approved = NULL",
        "until", until, "reason", reason);
  }

  void recordExtensionDecision(String contractNumber, boolean approved, OffsetDateTime now) {
    update(contractNumber, now, approved
        ? "extension_approved = TRUE, service_until = extension_until"
        : "extension_approved = FALSE");
  }

  /** The next term continues the current one without a gap. */
  void startTerm(String contractNumber, int term, LocalDate startsOn, LocalDate endsOn, OffsetDateTime now) {
    update(contractNumber, now, """
        term = :term, starts_on = :startsOn, ends_on = :endsOn, service_until = :endsOn, renewal = 'UNDECIDED',
        extension_until = NULL, extension_reason = NULL, extension_approved = NULL""",
        "term", term, "startsOn", startsOn, "endsOn", endsOn);
  }

  void close(String contractNumber, ContractStatus status, OffsetDateTime now) {
    update(contractNumber, now, "status = :status, closed_at = :now", "status", status.name());
  }

  private void update(String contractNumber, OffsetDateTime now, String assignments, Object... namesAndValues) {
    JdbcClient.StatementSpec statement = jdbc.sql("UPDATE service_contract SET updated_at = :now, " + assignments
        + " WHERE contract_number = :number").param("now", now).param("number", contractNumber);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    if (statement.update() != 1) {
      throw new UnknownContractException(contractNumber);
    }
  }

  // --- timeline and idempotency -------------------------------------------------------------

  void appendTimeline(String contractNumber, OffsetDateTime time, String event, String detail) {
    String fitting = detail == null || detail.length() <= TIMELINE_DETAIL_LENGTH
        ? detail : detail.substring(0, TIMELINE_DETAIL_LENGTH - 1) + "…";
    jdbc.sql("INSERT INTO contract_timeline (contract_number, occurred_at, event, detail) VALUES (?, ?, ?, ?)")
        .params(contractNumber, time, event, fitting).update();
  }

  List<ContractTimelineEntry> timeline(String contractNumber) {
    return jdbc.sql("SELECT occurred_at, event, detail FROM contract_timeline WHERE contract_number = ? ORDER BY id")
        .param(contractNumber)
        .query((rs, row) -> new ContractTimelineEntry(rs.getObject("occurred_at", OffsetDateTime.class),
            rs.getString("event"), rs.getString("detail")))
        .list();
  }

  Optional<String[]> idempotentRegistration(String key) {
    return jdbc.sql("SELECT request_hash, contract_number FROM contract_idempotency WHERE idempotency_key = ?").param(key)
        .query((rs, row) -> new String[] {rs.getString("request_hash"), rs.getString("contract_number")}).optional();
  }

  void recordIdempotentRegistration(String key, String requestHash, String contractNumber, OffsetDateTime at) {
    jdbc.sql("INSERT INTO contract_idempotency (idempotency_key, request_hash, contract_number, created_at) VALUES (?, ?, ?, ?)")
        .params(key, requestHash, contractNumber, at).update();
  }

  // --- mapping ------------------------------------------------------------------------------

  /** The listed contracts with their units, read in one statement rather than one per contract. */
  private List<ServiceContract> withUnits(List<ServiceContract> listed) {
    if (listed.isEmpty()) {
      return listed;
    }
    Map<String, List<String>> units = new HashMap<>();
    jdbc.sql("SELECT contract_number, serial_number FROM contract_unit WHERE contract_number IN (:numbers)"
            + " ORDER BY serial_number")
        .param("numbers", listed.stream().map(ServiceContract::contractNumber).distinct().toList())
        .query(rs -> {
          units.computeIfAbsent(rs.getString("contract_number"), number -> new ArrayList<>())
              .add(rs.getString("serial_number"));
        });
    return listed.stream().map(contract -> contract.withUnits(units.getOrDefault(contract.contractNumber(), List.of())))
        .toList();
  }

  private ServiceContract mapContract(ResultSet rs, int row) throws SQLException {
    String number = rs.getString("contract_number");
    Map<Priority, Integer> resolution = new EnumMap<>(Priority.class);
    putIfNotNull(resolution, Priority.HIGH, (Integer) rs.getObject("resolution_hours_high"));
    putIfNotNull(resolution, Priority.MEDIUM, (Integer) rs.getObject("resolution_hours_medium"));
    putIfNotNull(resolution, Priority.LOW, (Integer) rs.getObject("resolution_hours_low"));
    LocalDate extensionUntil = rs.getObject("extension_until", LocalDate.class);
    return new ServiceContract(
        number,
        ContractStatus.valueOf(rs.getString("status")),
        ContractPlan.valueOf(rs.getString("plan")),
        rs.getString("system_name"),
        List.of(),
        new Customer(rs.getString("customer_name"), rs.getString("customer_email"), rs.getString("customer_phone"),
            rs.getString("customer_locale"),
            new Address(rs.getString("address_line1"), rs.getString("address_city"), rs.getString("address_province"),
                rs.getString("address_postal_code"), rs.getString("address_country"))),
        rs.getObject("first_starts_on", LocalDate.class),
        rs.getInt("term"),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        rs.getObject("service_until", LocalDate.class),
        rs.getObject("service_from", LocalDate.class),
        Billing.valueOf(rs.getString("billing")),
        rs.getObject("fee_amount", BigDecimal.class),
        rs.getString("currency"),
        new ServiceLevels((Integer) rs.getObject("response_working_hours"), resolution,
            rs.getObject("availability_target", BigDecimal.class)),
        rs.getObject("registered_at", OffsetDateTime.class),
        rs.getObject("activation_due_by", OffsetDateTime.class),
        RenewalDecision.valueOf(rs.getString("renewal")),
        extensionUntil == null ? null
            : new ServiceContract.Extension(extensionUntil, rs.getString("extension_reason"),
                (Boolean) rs.getObject("extension_approved")),
        rs.getObject("closed_at", OffsetDateTime.class));
  }

  private ContractPeriod mapPeriod(ResultSet rs, int row) throws SQLException {
    return new ContractPeriod(
        rs.getLong("id"),
        rs.getInt("term"),
        rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_to", LocalDate.class),
        new Price(rs.getObject("net", BigDecimal.class), rs.getObject("tax", BigDecimal.class),
            rs.getObject("gross", BigDecimal.class), rs.getString("currency")),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("opens_on", LocalDate.class),
        rs.getObject("paid_at", OffsetDateTime.class),
        rs.getObject("late_fee", BigDecimal.class),
        rs.getString("payment_reference"),
        rs.getBoolean("paid_before_registration"));
  }

  private static void putIfNotNull(Map<Priority, Integer> map, Priority priority, Integer value) {
    if (value != null) {
      map.put(priority, value);
    }
  }
}
