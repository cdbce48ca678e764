package io.rmaflow.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code contract_outage}. */
@Repository
class OutageRepository {

  private final JdbcClient jdbc;

  OutageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String contractNumber, OffsetDateTime startedAt, OffsetDateTime endedAt, String description,
      OffsetDateTime reportedAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO contract_outage (contract_number, started_at, ended_at, description, reported_at)
        VALUES (:contract, :startedAt, :endedAt, :description, :reportedAt)""")
        .param("contract", contractNumber).param("startedAt", startedAt).param("endedAt", endedAt)
        .param("description", description).param("reportedAt", reportedAt)
        .update(key, "id");
    return key.getKey().longValue();
  }

  boolean end(long id, OffsetDateTime endedAt) {
    return jdbc.sql("UPDATE contract_outage SET ended_at = :endedAt WHERE id = :id AND ended_at IS NULL")
        .param("endedAt", endedAt).param("id", id).update() == 1;
  }

  Optional<Outage> find(String contractNumber, long id) {
    return jdbc.sql("SELECT * FROM contract_outage WHERE id = :id AND contract_number = :contract")
        .param("id", id).param("contract", contractNumber).query(this::map).optional();
  }

  /** The contract's outages that overlap {@code [from, until)}, open ones included. */
  List<Outage> overlapping(String contractNumber, OffsetDateTime from, OffsetDateTime until) {
    return jdbc.sql("""
        SELECT * FROM contract_outage WHERE contract_number = :contract AND started_at < :until
          AND (ended_at IS NULL OR ended_at > :from)
        ORDER BY started_at, id""")
        .param("contract", contractNumber).param("from", from).param("until", until)
        .query(this::map).list();
  }

  private Outage map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Outage(rs.getLong("id"), rs.getString("contract_number"), rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("ended_at", OffsetDateTime.class), rs.getString("description"),
        rs.getObject("reported_at", OffsetDateTime.class));
  }
}
