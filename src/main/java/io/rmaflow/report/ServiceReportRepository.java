package io.rmaflow.report;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code service_report}, this module's table: one row per contract and month. */
@Repository
class ServiceReportRepository {

  private final JdbcClient jdbc;

  ServiceReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The contracts whose report of the month is claimed already. */
  Set<String> claimed(String month) {
    return Set.copyOf(jdbc.sql("SELECT contract_number FROM service_report WHERE report_month = ?").param(month)
        .query(String.class).list());
  }

  /** Claims the month's report of the contract: the key lets one claim through, on any node. */
  void claim(String contractNumber, String month) {
    jdbc.sql("INSERT INTO service_report (contract_number, report_month) VALUES (?, ?)").params(contractNumber, month).update();
  }

  void store(String contractNumber, String month, OffsetDateTime compiledAt, boolean belowTarget, String figures) {
    int updated = jdbc.sql("""
        UPDATE service_report SET compiled_at = :at, below_target = :below, figures = :figures
        WHERE contract_number = :contract AND report_month = :month""")
        .param("at", compiledAt).param("below", belowTarget).param("figures", figures)
        .param("contract", contractNumber).param("month", month).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO service_report (contract_number, report_month, compiled_at, below_target, figures)
          VALUES (:contract, :month, :at, :below, :figures)""")
          .param("at", compiledAt).param("below", belowTarget).param("figures", figures)
          .param("contract", contractNumber).param("month", month).update();
    }
  }

  /** The report's figures as stored, once compiled. */
  Optional<String> figures(String contractNumber, String month) {
    return jdbc.sql("SELECT figures FROM service_report WHERE contract_number = ? AND report_month = ? AND figures IS NOT NULL")
        .params(contractNumber, month).query(String.class).optional();
  }
}
