package io.rmaflow.rmacase;

import io.rmaflow.process.Coverage;
import io.rmaflow.process.FaultCause;
import io.rmaflow.process.ParcelCondition;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RefundCause;
import io.rmaflow.process.RepairMethod;
import io.rmaflow.process.Resolution;
import io.rmaflow.process.ServiceType;
import io.rmaflow.process.WarrantyBasis;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.SalesChannel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code rma_case} and {@code rma_timeline}, the tables of this module. Every
 * statement is written out here; callers outside the module go through {@link CaseFile} and
 * {@link CaseQueryService}.
 */
@Repository
class RmaCaseRepository {

  private static final int TIMELINE_DETAIL_LENGTH = 2000;

  private final JdbcClient jdbc;

  RmaCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(NewCase c) {
    RmaCase.Customer customer = c.customer();
    RmaCase.Entitlement entitlement = c.entitlement();
    jdbc.sql("""
        INSERT INTO rma_case (rma_number, status, created_at, updated_at,
          customer_name, customer_email, customer_email_key, customer_phone, customer_locale,
          address_line1, address_city, address_province, address_postal_code, address_country,
          product_model, serial_number, open_serial_number, purchase_channel,
          invoice_number, invoice_date, delivery_date, fault_description, fault_category,
          priority, service_type, keep_replaced_parts, data_backed_up, passwords_removed, rework_of,
          entitlement_contract, entitlement_plan, entitlement_status, entitlement_response_hours,
          entitlement_resolution_high, entitlement_resolution_medium, entitlement_resolution_low,
          entitlement_availability, terms_version, terms_accepted_at)
        VALUES (:rma, :status, :created, :created, :name, :email, LOWER(:email), :phone, :locale,
          :line1, :city, :province, :postalCode, :country,
          :model, :serial, :serial, :channel, :invoiceNumber, :invoiceDate, :deliveryDate,
          :faultDescription, :faultCategory, :priority, :serviceType, :keepParts, TRUE, TRUE, :reworkOf,
          :contract, :plan, :contractStatus, :responseHours, :high, :medium, :low, :availability, :terms, :termsAt)
        """)
        .param("rma", c.rmaNumber())
        .param("status", CaseStatus.SUBMITTED.name())
        .param("created", c.createdAt())
        .param("name", customer.name())
        .param("email", customer.email())
        .param("phone", customer.phone())
        .param("locale", customer.locale())
        .param("line1", customer.line1())
        .param("city", customer.city())
        .param("province", customer.province())
        .param("postalCode", customer.postalCode())
        .param("country", customer.country())
        .param("model", c.productModel())
        .param("serial", c.serialNumber())
        .param("channel", c.purchaseChannel().name())
        .param("invoiceNumber", c.invoiceNumber())
        .param("invoiceDate", c.invoiceDate())
        .param("deliveryDate", c.deliveryDate())
        .param("faultDescription", c.faultDescription())
        .param("faultCategory", c.faultCategory())
        .param("priority", c.priority().name())
        .param("serviceType", c.serviceType().name())
        .param("keepParts", c.keepReplacedParts())
        .param("reworkOf", c.reworkOf())
        .param("contract", entitlement == null ? null : entitlement.contractNumber())
        .param("plan", entitlement == null ? null : entitlement.plan())
        .param("contractStatus", entitlement == null ? null : entitlement.status())
        .param("responseHours", entitlement == null ? null : entitlement.responseWorkingHours())
        .param("high", entitlement == null ? null : entitlement.resolutionWorkingHours().get(Priority.HIGH))
        .param("medium", entitlement == null ? null : entitlement.resolutionWorkingHours().get(Priority.MEDIUM))
        .param("low", entitlement == null ? null : entitlement.resolutionWorkingHours().get(Priority.LOW))
        .param("availability", entitlement == null ? null : entitlement.availabilityTarget())
        .param("terms", c.termsAccepted() == null ? null : c.termsAccepted().version())
        .param("termsAt", c.termsAccepted() == null ? null : c.termsAccepted().at())
        .update();
  }

  Optional<RmaCase> find(String rmaNumber) {
    return jdbc.sql("SELECT * FROM rma_case WHERE rma_number = ?")
        .param(rmaNumber)
        .query(this::mapCase)
        .optional();
  }

  RmaCase get(String rmaNumber) {
    return find(rmaNumber).orElseThrow(() -> new UnknownRmaException(rmaNumber));
  }

  /** Cases matching all given filters (null: any), newest first. */
  List<RmaCase> search(CaseStatus status, String serialNumber, String email, int offset, int limit) {
    return filtered("SELECT * FROM rma_case", status, serialNumber, email,
        " ORDER BY created_at DESC, rma_number DESC LIMIT :limit OFFSET :offset")
        .param("limit", limit).param("offset", offset)
        .query(this::mapCase).list();
  }

  long count(CaseStatus status, String serialNumber, String email) {
    return filtered("SELECT COUNT(*) FROM rma_case", status, serialNumber, email, "").query(Long.class).single();
  }

  private JdbcClient.StatementSpec filtered(String select, CaseStatus status, String serialNumber, String email, String tail) {
    StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (status != null) {
      sql.append(" AND status = :status");
      params.put("status", status.name());
    }
    if (serialNumber != null) {
      sql.append(" AND serial_number = :serial");
      params.put("serial", serialNumber);
    }
    if (email != null) {
      sql.append(" AND customer_email_key = LOWER(:email)");
      params.put("email", email);
    }
    return jdbc.sql(sql.append(tail).toString()).params(params);
  }

  /** The unit's latest case closed at or after {@code since} with one of the resolutions. */
  Optional<RmaCase> latestClosed(String serialNumber, List<Resolution> resolutions, OffsetDateTime since) {
    return jdbc.sql("""
        SELECT * FROM rma_case WHERE serial_number = :serial AND status = 'CLOSED' AND closed_at >= :since
          AND resolution IN (:resolutions)
        ORDER BY closed_at DESC, rma_number DESC LIMIT 1""")
        .param("serial", serialNumber).param("since", since)
        .param("resolutions", resolutions.stream().map(Enum::name).toList())
        .query(this::mapCase).optional();
  }

  /** The cases a contract entitled, opened before {@code until}, that were still open at {@code from} or opened later. */
  List<RmaCase> entitledBy(String contractNumber, OffsetDateTime from, OffsetDateTime until) {
    return jdbc.sql("""
        SELECT * FROM rma_case WHERE entitlement_contract = :contract AND created_at < :until
          AND (closed_at IS NULL OR closed_at >= :from)
        ORDER BY created_at, rma_number""")
        .param("contract", contractNumber).param("from", from).param("until", until)
        .query(this::mapCase).list();
  }

  Optional<String> findOpenCaseFor(String serialNumber) {
    return jdbc.sql("SELECT rma_number FROM rma_case WHERE open_serial_number = ?")
        .param(serialNumber)
        .query(String.class)
        .optional();
  }

  /** Open cases per status; statuses without a case are left out. */
  Map<CaseStatus, Long> countOpenByStatus() {
    Map<CaseStatus, Long> counts = new HashMap<>();
    jdbc.sql("SELECT status, COUNT(*) AS n FROM rma_case WHERE status <> ? GROUP BY status")
        .param(CaseStatus.CLOSED.name())
        .query(rs -> {
          counts.put(CaseStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
    return counts;
  }

  List<String> inStatus(CaseStatus status) {
    return jdbc.sql("SELECT rma_number FROM rma_case WHERE status = ?").param(status.name()).query(String.class).list();
  }

  List<String> awaitingDeviceNotShipped() {
    return jdbc.sql("SELECT rma_number FROM rma_case WHERE status = ? AND inbound_tracking_number IS NULL")
        .param(CaseStatus.AWAITING_DEVICE.name()).query(String.class).list();
  }

  List<String> closedBeforeWithPersonalData(OffsetDateTime cutoff) {
    return jdbc.sql("""
        SELECT rma_number FROM rma_case
        WHERE status = 'CLOSED' AND closed_at < :cutoff AND anonymised_at IS NULL
        """).param("cutoff", cutoff).query(String.class).list();
  }

  // --- typed writes: one statement per fact the lifecycle records -------------------------

  void recordProductCategory(String rmaNumber, OffsetDateTime now, ProductCategory category) {
    update(rmaNumber, now, "product_category = :category", "category", category.name());
  }

  void recordShipInDeadlines(String rmaNumber, OffsetDateTime now, OffsetDateTime shipBy, OffsetDateTime autoCloseAt) {
    update(rmaNumber, now, "ship_by = :shipBy, auto_close_at = :autoCloseAt", "shipBy", shipBy, "autoCloseAt", autoCloseAt);
  }

  void recordInboundShipment(String rmaNumber, OffsetDateTime now, String carrier, String trackingNumber) {
    update(rmaNumber, now, "inbound_carrier = :carrier, inbound_tracking_number = :tracking",
        "carrier", carrier, "tracking", trackingNumber);
  }

  void recordParcelCondition(String rmaNumber, OffsetDateTime now, ParcelCondition condition) {
    update(rmaNumber, now, "parcel_condition = :condition", "condition", nameOf(condition));
  }

  void recordDiagnosis(String rmaNumber, OffsetDateTime now, FaultCause faultCause, RepairMethod repairMethod,
      BigDecimal partsCost, BigDecimal labourCost) {
    update(rmaNumber, now, "fault_cause = :cause, repair_method = :method, parts_cost = :parts, labour_cost = :labour",
        "cause", nameOf(faultCause), "method", nameOf(repairMethod), "parts", partsCost, "labour", labourCost);
  }

  void recordWarrantyDecision(String rmaNumber, OffsetDateTime now, WarrantyDecision decision) {
    update(rmaNumber, now, """
        warranty_coverage = :coverage, warranty_basis = :basis, warranty_start = :start, warranty_end = :end,
        warranty_reason = :reason""",
        "coverage", decision.coverage().name(), "basis", decision.basis().name(), "start", decision.start(),
        "end", decision.end(), "reason", decision.reason());
  }

  void recordProofDueBy(String rmaNumber, OffsetDateTime now, OffsetDateTime dueBy) {
    update(rmaNumber, now, "proof_due_by = :dueBy", "dueBy", dueBy);
  }

  void recordInvoice(String rmaNumber, OffsetDateTime now, String invoiceNumber, LocalDate invoiceDate,
      LocalDate deliveryDate) {
    update(rmaNumber, now, "invoice_number = :number, invoice_date = :invoiceDate, delivery_date = :deliveryDate",
        "number", invoiceNumber, "invoiceDate", invoiceDate, "deliveryDate", deliveryDate);
  }

  void recordQuote(String rmaNumber, OffsetDateTime now, BigDecimal net, BigDecimal tax, BigDecimal gross,
      String currency) {
    update(rmaNumber, now, "quote_net = :net, quote_tax = :tax, quote_gross = :gross, quote_currency = :currency",
        "net", net, "tax", tax, "gross", gross, "currency", currency);
  }

  void recordQuoteSent(String rmaNumber, OffsetDateTime now, OffsetDateTime notifiedAt, OffsetDateTime paymentDueBy) {
    update(rmaNumber, now, "quote_notified_at = :notifiedAt, payment_due_by = :dueBy",
        "notifiedAt", notifiedAt, "dueBy", paymentDueBy);
  }

  void recordPayment(String rmaNumber, OffsetDateTime now, RmaCase.Payment payment) {
    update(rmaNumber, now, """
        payment_reference = :reference, paid_amount = :amount, paid_currency = :currency, paid_at = :paidAt""",
        "reference", payment.reference(), "amount", payment.amount(), "currency", payment.currency(),
        "paidAt", payment.paidAt());
  }

  void recordVatInvoice(String rmaNumber, OffsetDateTime now, String invoiceNumber) {
    update(rmaNumber, now, "vat_invoice_number = :number", "number", invoiceNumber);
  }

  void recordRepair(String rmaNumber, OffsetDateTime now, RepairMethod repairMethod, String replacedParts) {
    update(rmaNumber, now, "repair_method = :method, replaced_parts = :parts",
        "method", nameOf(repairMethod), "parts", replacedParts);
  }

  void countQualityFailure(String rmaNumber, OffsetDateTime now) {
    update(rmaNumber, now, "quality_failures = quality_failures + 1");
  }

  void recordReplacement(String rmaNumber, OffsetDateTime now, String replacementSerialNumber) {
    update(rmaNumber, now, "replacement_serial_number = :serial", "serial", replacementSerialNumber);
  }

  void recordRefund(String rmaNumber, OffsetDateTime now, String refundReference) {
    update(rmaNumber, now, "refund_reference = :reference", "reference", refundReference);
  }

  void recordRefundApproved(String rmaNumber, OffsetDateTime now, RmaCase.Refund refund) {
    update(rmaNumber, now, """
        refund_cause = :cause, refund_amount = :amount, refund_currency = :currency, refund_of = :paymentOf""",
        "cause", refund.cause().name(), "amount", refund.amount(), "currency", refund.currency(),
        "paymentOf", refund.paymentOf());
  }

  void recordReturnPlan(String rmaNumber, OffsetDateTime now, boolean returnReplacedParts, String freightPaidBy) {
    update(rmaNumber, now, "return_replaced_parts = :parts, return_freight_paid_by = :paidBy",
        "parts", returnReplacedParts, "paidBy", freightPaidBy);
  }

  void recordReturnShipment(String rmaNumber, OffsetDateTime now, String carrier, String trackingNumber) {
    update(rmaNumber, now, "return_carrier = :carrier, return_tracking_number = :tracking",
        "carrier", carrier, "tracking", trackingNumber);
  }

  void recordCancellationReason(String rmaNumber, OffsetDateTime now, String reason) {
    update(rmaNumber, now, "cancellation_reason = :reason", "reason", reason);
  }

  void recordFeedback(String rmaNumber, OffsetDateTime now, int rating, String comment) {
    update(rmaNumber, now, "feedback_rating = :rating, feedback_comment = :comment", "rating", rating, "comment", comment);
  }

  boolean changeStatus(String rmaNumber, CaseStatus status, OffsetDateTime now) {
    return jdbc.sql("UPDATE rma_case SET status = :status, updated_at = :now WHERE rma_number = :rma AND status <> :status")
        .param("status", status.name())
        .param("now", now)
        .param("rma", rmaNumber)
        .update() == 1;
  }

  void close(String rmaNumber, Resolution resolution, OffsetDateTime now) {
    update(rmaNumber, now, "status = 'CLOSED', resolution = :resolution, closed_at = :now, open_serial_number = NULL",
        "resolution", resolution.name());
  }

  /** Removes what identifies the customer, keeping what reports need (product, city, dates, amounts). */
  void anonymise(String rmaNumber, OffsetDateTime now) {
    update(rmaNumber, now, """
        customer_name = 'anonymised', customer_email = :email, customer_email_key = LOWER(:email), customer_phone = NULL,
        address_line1 = NULL, address_postal_code = NULL, fault_description = '(removed)',
        feedback_comment = NULL, cancellation_reason = NULL, replaced_parts = NULL, anonymised_at = :now""",
        "email", "anonymised-" + rmaNumber.toLowerCase() + "@invalid");
    jdbc.sql("UPDATE rma_timeline SET detail = NULL WHERE rma_number = :rma AND event IN (:events)")
        .param("rma", rmaNumber)
        .param("events", Arrays.stream(TimelineEvent.values()).filter(TimelineEvent::personal).map(Enum::name).toList())
        .update();
  }

  /**
   * One fixed statement of this class: {@code assignments} is a literal of a typed method
   * above, never input; {@code namesAndValues} are its named parameters.
   */
  private void update(String rmaNumber, OffsetDateTime now, String assignments, Object... namesAndValues) {
    JdbcClient.StatementSpec statement = jdbc.sql("UPDATE rma_case SET updated_at = :now, " + assignments
            + " WHERE rma_number = :rma")
        .param("now", now).param("rma", rmaNumber);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    if (statement.update() != 1) {
      throw new UnknownRmaException(rmaNumber);
    }
  }

  void appendTimeline(String rmaNumber, OffsetDateTime time, TimelineEvent event, String detail) {
    jdbc.sql("INSERT INTO rma_timeline (rma_number, occurred_at, event, detail) VALUES (?, ?, ?, ?)")
        .params(rmaNumber, time, event.name(), fitting(detail))
        .update();
  }

  /** Timeline details quote free text (comments, replies); a long one is cut rather than refused. */
  private static String fitting(String detail) {
    return detail == null || detail.length() <= TIMELINE_DETAIL_LENGTH
        ? detail
        : detail.substring(0, TIMELINE_DETAIL_LENGTH - 1) + "…";
  }

  List<TimelineEntry> timeline(String rmaNumber) {
    return jdbc.sql("SELECT occurred_at, event, detail FROM rma_timeline WHERE rma_number = ? ORDER BY id")
        .param(rmaNumber)
        .query((rs, row) -> new TimelineEntry(
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("event"), rs.getString("detail")))
        .list();
  }

  private RmaCase mapCase(ResultSet rs, int row) throws SQLException {
    return new RmaCase(
        rs.getString("rma_number"),
        CaseStatus.valueOf(rs.getString("status")),
        enumOf(rs.getString("resolution"), Resolution::valueOf),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        new RmaCase.Customer(
            rs.getString("customer_name"), rs.getString("customer_email"), rs.getString("customer_phone"),
            rs.getString("customer_locale"), rs.getString("address_line1"), rs.getString("address_city"),
            rs.getString("address_province"), rs.getString("address_postal_code"), rs.getString("address_country")),
        rs.getString("product_model"),
        rs.getString("serial_number"),
        enumOf(rs.getString("product_category"), ProductCategory::valueOf),
        SalesChannel.valueOf(rs.getString("purchase_channel")),
        rs.getString("invoice_number"),
        rs.getObject("invoice_date", LocalDate.class),
        rs.getObject("delivery_date", LocalDate.class),
        rs.getString("fault_description"),
        rs.getString("fault_category"),
        Priority.valueOf(rs.getString("priority")),
        ServiceType.valueOf(rs.getString("service_type")),
        rs.getBoolean("keep_replaced_parts"),
        rs.getObject("ship_by", OffsetDateTime.class),
        rs.getObject("auto_close_at", OffsetDateTime.class),
        rs.getString("inbound_carrier"),
        rs.getString("inbound_tracking_number"),
        rs.getString("parcel_condition"),
        new RmaCase.Warranty(
            rs.getString("fault_cause"),
            enumOf(rs.getString("warranty_coverage"), Coverage::valueOf),
            enumOf(rs.getString("warranty_basis"), WarrantyBasis::valueOf),
            rs.getObject("warranty_start", LocalDate.class),
            rs.getObject("warranty_end", LocalDate.class),
            rs.getString("warranty_reason"),
            rs.getObject("proof_due_by", OffsetDateTime.class)),
        new RmaCase.Quote(
            rs.getObject("quote_net", BigDecimal.class), rs.getObject("quote_tax", BigDecimal.class),
            rs.getObject("quote_gross", BigDecimal.class), rs.getString("quote_currency"),
            rs.getObject("quote_notified_at", OffsetDateTime.class),
            rs.getObject("payment_due_by", OffsetDateTime.class)),
        new RmaCase.Payment(
            rs.getString("payment_reference"), rs.getObject("paid_amount", BigDecimal.class),
            rs.getString("paid_currency"), rs.getObject("paid_at", OffsetDateTime.class)),
        enumOf(rs.getString("repair_method"), RepairMethod::valueOf),
        rs.getString("replaced_parts"),
        rs.getInt("quality_failures"),
        rs.getString("replacement_serial_number"),
        rs.getString("refund_reference"),
        (Boolean) rs.getObject("return_replaced_parts"),
        rs.getString("return_freight_paid_by"),
        rs.getString("return_carrier"),
        rs.getString("return_tracking_number"),
        rs.getString("rework_of"),
        entitlement(rs),
        rs.getString("refund_cause") == null ? null
            : new RmaCase.Refund(RefundCause.valueOf(rs.getString("refund_cause")),
                rs.getObject("refund_amount", BigDecimal.class), rs.getString("refund_currency"), rs.getString("refund_of")),
        rs.getString("terms_version") == null ? null
            : new TermsAcceptance(rs.getString("terms_version"), rs.getObject("terms_accepted_at", OffsetDateTime.class)));
  }

  private static RmaCase.Entitlement entitlement(ResultSet rs) throws SQLException {
    String contract = rs.getString("entitlement_contract");
    if (contract == null) {
      return null;
    }
    Map<Priority, Integer> resolution = new EnumMap<>(Priority.class);
    putIfPresent(resolution, Priority.HIGH, (Integer) rs.getObject("entitlement_resolution_high"));
    putIfPresent(resolution, Priority.MEDIUM, (Integer) rs.getObject("entitlement_resolution_medium"));
    putIfPresent(resolution, Priority.LOW, (Integer) rs.getObject("entitlement_resolution_low"));
    return new RmaCase.Entitlement(contract, rs.getString("entitlement_plan"), rs.getString("entitlement_status"),
        (Integer) rs.getObject("entitlement_response_hours"), resolution,
        rs.getObject("entitlement_availability", BigDecimal.class));
  }

  private static void putIfPresent(Map<Priority, Integer> map, Priority priority, Integer hours) {
    if (hours != null) {
      map.put(priority, hours);
    }
  }

  private static <E> E enumOf(String value, Function<String, E> parse) {
    return value == null ? null : parse.apply(value);
  }

  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
