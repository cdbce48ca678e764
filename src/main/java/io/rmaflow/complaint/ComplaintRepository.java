package io.rmaflow.complaint;

import io.rmaflow.process.ComplaintOutcome;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code complaint}, this module's table: each complaint's clock and outcome. */
@Repository
class ComplaintRepository {

  private final JdbcClient jdbc;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String rmaNumber, OffsetDateTime filedAt, OffsetDateTime dueBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO complaint (rma_number, filed_at, due_by) VALUES (:rma, :filedAt, :dueBy)")
        .param("rma", rmaNumber).param("filedAt", filedAt).param("dueBy", dueBy)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void recordAnswer(long id, OffsetDateTime answeredAt, ComplaintOutcome outcome) {
    jdbc.sql("UPDATE complaint SET answered_at = :at, outcome = :outcome WHERE id = :id AND answered_at IS NULL")
        .param("at", answeredAt).param("outcome", outcome.name()).param("id", id).update();
  }

  List<Complaint> filedBetween(List<String> rmaNumbers, OffsetDateTime from, OffsetDateTime until) {
    if (rmaNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        SELECT * FROM complaint WHERE rma_number IN (:rmas) AND filed_at >= :from AND filed_at < :until
        ORDER BY filed_at, id""")
        .param("rmas", rmaNumbers).param("from", from).param("until", until)
        .query((rs, row) -> new Complaint(rs.getLong("id"), rs.getString("rma_number"),
            rs.getObject("filed_at", OffsetDateTime.class), rs.getObject("due_by", OffsetDateTime.class),
            rs.getObject("answered_at", OffsetDateTime.class),
            rs.getString("outcome") == null ? null : ComplaintOutcome.valueOf(rs.getString("outcome"))))
        .list();
  }
}
