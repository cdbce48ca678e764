package io.rmaflow.rmacase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code case_document}: the documents customers send with their cases. */
@Repository
class CaseDocuments {

  private static final String WITHOUT_DATA =
      "SELECT id, rma_number, kind, file_name, content_type, size_bytes, uploaded_at FROM case_document";

  private final JdbcClient jdbc;

  CaseDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  CaseDocument insert(String rmaNumber, CaseDocument.Kind kind, String fileName, String contentType, byte[] data,
      OffsetDateTime at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO case_document (rma_number, kind, file_name, content_type, size_bytes, uploaded_at, data)
        VALUES (:rma, :kind, :name, :type, :size, :at, :data)""")
        .param("rma", rmaNumber).param("kind", kind.name()).param("name", fileName).param("type", contentType)
        .param("size", (long) data.length).param("at", at).param("data", data)
        .update(key, "id");
    return new CaseDocument(key.getKey().longValue(), rmaNumber, kind, fileName, contentType, data.length, at, null);
  }

  List<CaseDocument> of(String rmaNumber) {
    return jdbc.sql(WITHOUT_DATA + " WHERE rma_number = ? ORDER BY id").param(rmaNumber)
        .query((rs, row) -> map(rs, null)).list();
  }

  Optional<CaseDocument> find(String rmaNumber, long id) {
    return jdbc.sql("SELECT * FROM case_document WHERE rma_number = ? AND id = ?").params(rmaNumber, id)
        .query((rs, row) -> map(rs, rs.getBytes("data"))).optional();
  }

  void removeAll(String rmaNumber) {
    jdbc.sql("DELETE FROM case_document WHERE rma_number = ?").param(rmaNumber).update();
  }

  private static CaseDocument map(java.sql.ResultSet rs, byte[] data) throws java.sql.SQLException {
    return new CaseDocument(rs.getLong("id"), rs.getString("rma_number"),
        CaseDocument.Kind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getObject("uploaded_at", OffsetDateTime.class), data);
  }
}
