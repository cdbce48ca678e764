package io.rmaflow.insight;

import io.rmaflow.process.Resolution;
import io.rmaflow.rmacase.CaseClosed;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Insight's own record of closed cases ({@code insight_turnaround}): kept from the
 * case-closed event, so the turnaround figures need nothing of the case file's tables.
 */
@Repository
class TurnaroundRecords {

  private final JdbcClient jdbc;

  TurnaroundRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void onCaseClosed(CaseClosed closed) {
    jdbc.sql("INSERT INTO insight_turnaround (rma_number, resolution, created_at, closed_at) VALUES (?, ?, ?, ?)")
        .params(closed.rmaNumber(), closed.resolution().name(), closed.createdAt(), closed.closedAt())
        .update();
  }

  List<Closed> closedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("""
            SELECT resolution, created_at, closed_at FROM insight_turnaround
            WHERE closed_at >= ? AND closed_at <= ?""")
        .params(from, to)
        .query((rs, row) -> new Closed(Resolution.valueOf(rs.getString("resolution")),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class)))
        .list();
  }

  record Closed(Resolution resolution, OffsetDateTime createdAt, OffsetDateTime closedAt) {
    double days() {
      return java.time.Duration.between(createdAt, closedAt).toSeconds() / 86_400.0;
    }
  }
}
