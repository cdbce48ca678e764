package io.rmaflow.rmacase;

import java.util.HashMap;
import io.rmaflow.intake.Priority;
import io.rmaflow.intake.ServiceType;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.warranty.Coverage;
import io.rmaflow.warranty.WarrantyBasis;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code rma_case} and {@code rma_timeline} tables. */
@Repository
public class RmaCaseRepository {

  private static final int TIMELINE_DETAIL_LENGTH = 2000;

  private final JdbcClient jdbc;

  public RmaCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(NewCase c) {
    RmaCase.Customer customer = c.customer();
    jdbc.sql("""
        INSERT INTO rma_case (rma_number, status, created_at, updated_at,
          customer_name, customer_email, customer_phone, customer_locale,
          address_line1, address_city, address_province, address_postal_code, address_country,
          product_model, serial_number, open_serial_number, purchase_channel,
          invoice_number, invoice_date, delivery_date, fault_description, fault_category,
          priority, service_type, keep_replaced_parts, data_backed_up, passwords_removed)
        VALUES (:rma, :status, :created, :created, :name, :email, :phone, :locale,
          :line1, :city, :province, :postalCode, :country,
          :model, :serial, :serial, :channel, :invoiceNumber, :invoiceDate, :deliveryDate,
          :faultDescription, :faultCategory, :priority, :serviceType, :keepParts, TRUE, TRUE)
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
        .update();
  }

  public Optional<RmaCase> find(String rmaNumber) {
    return jdbc.sql("SELECT * FROM rma_case WHERE rma_number = ?")
        .param(rmaNumber)
        .query(this::mapCase)
        .optional();
  }

  public RmaCase get(String rmaNumber) {
    return find(rmaNumber).orElseThrow(() -> new UnknownRmaException(rmaNumber));
  }

  /** Cases matching all given filters (null: any), newest first. */
  public List<RmaCase> search(CaseStatus status, String serialNumber, String email, int offset, int limit) {
    return filtered("SELECT * FROM rma_case", status, serialNumber, email,
        " ORDER BY created_at DESC, rma_number DESC LIMIT :limit OFFSET :offset")
        .param("limit", limit).param("offset", offset)
        .query(this::mapCase).list();
  }

  public long count(CaseStatus status, String serialNumber, String email) {
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
      sql.append(" AND LOWER(customer_email) = LOWER(:email)");
      params.put("email", email);
    }
    return jdbc.sql(sql.append(tail).toString()).params(params);
  }

  public Optional<String> findOpenCaseFor(String serialNumber) {
    return jdbc.sql("SELECT rma_number FROM rma_case WHERE open_serial_number = ?")
        .param(serialNumber)
        .query(String.class)
        .optional();
  }

  /**
   * Sets the given columns of one case and its {@code updated_at}. Column names come from
   * this package's services, never from input.
   */
  public void update(String rmaNumber, OffsetDateTime now, Map<String, ?> columns) {
    StringBuilder sql = new StringBuilder("UPDATE rma_case SET updated_at = :now");
    columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
    sql.append(" WHERE rma_number = :rma");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("now", now).param("rma", rmaNumber);
    for (Map.Entry<String, ?> column : columns.entrySet()) {
      statement = statement.param(column.getKey(), column.getValue());
    }
    if (statement.update() != 1) {
      throw new UnknownRmaException(rmaNumber);
    }
  }

  public boolean changeStatus(String rmaNumber, CaseStatus status, OffsetDateTime now) {
    return jdbc.sql("UPDATE rma_case SET status = :status, updated_at = :now WHERE rma_number = :rma AND status <> :status")
        .param("status", status.name())
        .param("now", now)
        .param("rma", rmaNumber)
        .update() == 1;
  }

  public void close(String rmaNumber, Resolution resolution, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE rma_case SET status = 'CLOSED', resolution = :resolution, closed_at = :now,
          updated_at = :now, open_serial_number = NULL
        WHERE rma_number = :rma
        """)
        .param("resolution", resolution.name())
        .param("now", now)
        .param("rma", rmaNumber)
        .update();
  }

  public void incrementQualityFailures(String rmaNumber, OffsetDateTime now) {
    jdbc.sql("UPDATE rma_case SET quality_failures = quality_failures + 1, updated_at = :now WHERE rma_number = :rma")
        .param("now", now)
        .param("rma", rmaNumber)
        .update();
  }

  public void appendTimeline(String rmaNumber, OffsetDateTime time, String event, String detail) {
    jdbc.sql("INSERT INTO rma_timeline (rma_number, occurred_at, event, detail) VALUES (?, ?, ?, ?)")
        .params(rmaNumber, time, event, fitting(detail))
        .update();
  }

  /** Timeline details quote free text (comments, replies); a long one is cut rather than refused. */
  private static String fitting(String detail) {
    return detail == null || detail.length() <= TIMELINE_DETAIL_LENGTH
        ? detail
        : detail.substring(0, TIMELINE_DETAIL_LENGTH - 1) + "…";
  }

  public List<TimelineEntry> timeline(String rmaNumber) {
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
        enumOf(rs.getString("repair_method"), io.rmaflow.repair.RepairMethod::valueOf),
        rs.getString("replaced_parts"),
        rs.getInt("quality_failures"),
        rs.getString("replacement_serial_number"),
        rs.getString("refund_reference"),
        (Boolean) rs.getObject("return_replaced_parts"),
        rs.getString("return_freight_paid_by"),
        rs.getString("return_carrier"),
        rs.getString("return_tracking_number"));
  }

  private static <E> E enumOf(String value, Function<String, E> parse) {
    return value == null ? null : parse.apply(value);
  }
}
