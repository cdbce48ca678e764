package io.rmaflow.product;

import io.rmaflow.support.RmaClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The registry of sold units (serial, model, category, shipped-on date, channel). */
@Repository
public class ProductRegistry {

  private final JdbcClient jdbc;
  private final RmaClock clock;

  public ProductRegistry(JdbcClient jdbc, RmaClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<ProductUnit> find(String serialNumber) {
    return jdbc.sql("SELECT serial_number, model, category, shipped_on, channel FROM product_unit WHERE serial_number = ?")
        .param(serialNumber)
        .query((rs, row) -> new ProductUnit(
            rs.getString("serial_number"),
            rs.getString("model"),
            ProductCategory.valueOf(rs.getString("category")),
            rs.getObject("shipped_on", LocalDate.class),
            SalesChannel.valueOf(rs.getString("channel"))))
        .optional();
  }

  /** Registers a unit or updates it; returns true when it was new. */
  @Transactional
  public boolean register(ProductUnit unit) {
    int updated = jdbc.sql("""
        UPDATE product_unit SET model = :model, category = :category, shipped_on = :shippedOn,
          channel = :channel, updated_at = :now WHERE serial_number = :serial
        """)
        .params(params(unit))
        .update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO product_unit (serial_number, model, category, shipped_on, channel, registered_at, updated_at)
          VALUES (:serial, :model, :category, :shippedOn, :channel, :now, :now)
          """)
          .params(params(unit))
          .update();
    }
    return updated == 0;
  }

  private Map<String, Object> params(ProductUnit unit) {
    Map<String, Object> params = new HashMap<>();
    params.put("serial", unit.serialNumber());
    params.put("model", unit.model());
    params.put("category", unit.category().name());
    params.put("shippedOn", unit.shippedOn());
    params.put("channel", unit.channel().name());
    params.put("now", clock.nowOffset());
    return params;
  }
}
