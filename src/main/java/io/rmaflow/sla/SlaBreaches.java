package io.rmaflow.sla;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code sla_breach}: one row per task and service level it missed. */
@Repository
class SlaBreaches {

  private final JdbcClient jdbc;

  SlaBreaches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String rmaNumber, ServiceLevel level, String taskId, OffsetDateTime dueAt, OffsetDateTime breachedAt) {
    jdbc.sql("INSERT INTO sla_breach (rma_number, service_level, task_id, due_at, breached_at) VALUES (?, ?, ?, ?, ?)")
        .params(rmaNumber, level.name(), taskId, dueAt, breachedAt)
        .update();
  }

  boolean exists(String taskId, ServiceLevel level) {
    return jdbc.sql("SELECT COUNT(*) FROM sla_breach WHERE task_id = ? AND service_level = ?")
        .params(taskId, level.name()).query(Long.class).single() > 0;
  }

  long count(ServiceLevel level) {
    return jdbc.sql("SELECT COUNT(*) FROM sla_breach WHERE service_level = ?").param(level.name()).query(Long.class).single();
  }

  /** Every level, also those never missed. */
  Map<ServiceLevel, Long> countByLevel() {
    Map<ServiceLevel, Long> totals = new EnumMap<>(ServiceLevel.class);
    for (ServiceLevel level : ServiceLevel.values()) {
      totals.put(level, 0L);
    }
    jdbc.sql("SELECT service_level, COUNT(*) AS n FROM sla_breach GROUP BY service_level")
        .query(rs -> {
          totals.put(ServiceLevel.valueOf(rs.getString("service_level")), rs.getLong("n"));
        });
    return totals;
  }

  /** Breaches recorded from {@code from} to {@code to}, latest first, their times in {@code zone}. */
  List<SlaQueryService.Breach> between(OffsetDateTime from, OffsetDateTime to, ZoneId zone) {
    return jdbc.sql("""
            SELECT rma_number, service_level, due_at, breached_at FROM sla_breach
            WHERE breached_at >= ? AND breached_at <= ? ORDER BY breached_at DESC, id DESC""")
        .params(from, to)
        .query((rs, row) -> new SlaQueryService.Breach(rs.getString("rma_number"),
            ServiceLevel.valueOf(rs.getString("service_level")),
            atZone(rs.getObject("due_at", OffsetDateTime.class), zone),
            atZone(rs.getObject("breached_at", OffsetDateTime.class), zone)))
        .list();
  }

  /** The breaches of the given cases recorded in {@code [from, until)}, oldest first. */
  List<SlaQueryService.Breach> ofCases(List<String> rmaNumbers, OffsetDateTime from, OffsetDateTime until, ZoneId zone) {
    if (rmaNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT rma_number, service_level, due_at, breached_at FROM sla_breach
            WHERE rma_number IN (:rmas) AND breached_at >= :from AND breached_at < :until ORDER BY breached_at, id""")
        .param("rmas", rmaNumbers).param("from", from).param("until", until)
        .query((rs, row) -> new SlaQueryService.Breach(rs.getString("rma_number"),
            ServiceLevel.valueOf(rs.getString("service_level")),
            atZone(rs.getObject("due_at", OffsetDateTime.class), zone),
            atZone(rs.getObject("breached_at", OffsetDateTime.class), zone)))
        .list();
  }

  /** The service-level clocks of the given cases (cases closed before remote triage have none). */
  List<SlaQueryService.CaseClock> clocks(List<String> rmaNumbers, ZoneId zone) {
    if (rmaNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM sla_case WHERE rma_number IN (:rmas) ORDER BY rma_number")
        .param("rmas", rmaNumbers)
        .query((rs, row) -> new SlaQueryService.CaseClock(rs.getString("rma_number"),
            atZone(rs.getObject("response_due_at", OffsetDateTime.class), zone),
            atZone(rs.getObject("resolution_due_at", OffsetDateTime.class), zone),
            atZone(rs.getObject("responded_at", OffsetDateTime.class), zone),
            atZone(rs.getObject("resolved_at", OffsetDateTime.class), zone)))
        .list();
  }

  /** Times in the centre's offset, whatever the database hands back. */
  private static OffsetDateTime atZone(OffsetDateTime time, ZoneId zone) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
