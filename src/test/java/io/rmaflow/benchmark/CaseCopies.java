package io.rmaflow.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes copies of cases that were filed and worked through the API, row for row in SQL: the
 * engine's runtime and history rows of each case's process instance, its task's candidate
 * links and authorizations, and the case file with its timeline. A copy gets new ids, a new
 * RMA number from the same sequence the app uses, and its own serial number, and is then a
 * case like any other: the engine's job executor closes it, Tasklist lists it.
 *
 * <p>Only the benchmark's set-up uses it. Filing 100,000 cases through the API takes more than
 * an hour on two cores; what is measured afterwards (queries over the open cases, the job
 * executor draining their timers) meets the same rows either way.
 */
final class CaseCopies {

  /** Engine tables whose rows belong to a process instance, and the column that says which. */
  private static final String INSTANCE_TABLES = """
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%')
        AND column_name IN ('proc_inst_id_', 'process_instance_id_')
      ORDER BY table_name""";

  private final Connection sql;

  CaseCopies(Connection sql) {
    this.sql = sql;
  }

  /**
   * Copies each of the given cases {@code copies} times; they must wait in the engine (no job
   * running). Answers the number of cases made.
   */
  int copy(List<String> rmaNumbers, int copies) throws SQLException {
    if (copies <= 0 || rmaNumbers.isEmpty()) {
      return 0;
    }
    boolean autoCommit = sql.getAutoCommit();
    sql.setAutoCommit(false);
    try (Statement statement = sql.createStatement()) {
      // Each statement is built for its table and runs once: compiling it would take longer than running it.
      statement.execute("SET LOCAL jit = off");
      statement.execute("DROP TABLE IF EXISTS copy_pi, copy_ids, copy_keys");
      try (PreparedStatement templates = sql.prepareStatement("CREATE TEMP TABLE copy_pi AS SELECT id_ FROM act_ru_execution"
          + " WHERE parent_id_ IS NULL AND business_key_ = ANY (?)")) {
        Array numbers = sql.createArrayOf("varchar", rmaNumbers.toArray());
        templates.setArray(1, numbers);
        templates.execute();
      }
      statement.execute("ANALYZE copy_pi");
      long found = count(statement, "SELECT count(*) FROM copy_pi");
      if (found != rmaNumbers.size()) {
        throw new IllegalStateException("only " + found + " of " + rmaNumbers.size() + " cases to copy are running");
      }
      if (count(statement, "SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL"
          + " AND process_instance_id_ IN (SELECT id_ FROM copy_pi)") > 0) {
        throw new IllegalStateException("a job of a case to copy is running; copy waiting cases only");
      }

      // Which rows are copied: the instances' own, then those hanging off their tasks and variables.
      Map<String, String> tables = new LinkedHashMap<>();
      try (ResultSet rows = statement.executeQuery(INSTANCE_TABLES)) {
        while (rows.next()) {
          tables.putIfAbsent(rows.getString(1), "t." + rows.getString(2) + " IN (SELECT id_ FROM copy_pi)");
        }
      }
      statement.execute("CREATE TEMP TABLE copy_ids (id VARCHAR(255) PRIMARY KEY)");
      for (Map.Entry<String, String> table : tables.entrySet()) {
        statement.execute("INSERT INTO copy_ids SELECT t.id_ FROM " + table.getKey() + " t WHERE " + table.getValue()
            + " ON CONFLICT DO NOTHING");
      }
      Map<String, String> dependents = new LinkedHashMap<>();
      dependents.put("act_ru_identitylink", "t.task_id_ IN (SELECT id FROM copy_ids)");
      dependents.put("act_ru_authorization", "t.resource_id_ IN (SELECT id FROM copy_ids)");
      dependents.put("act_hi_identitylink", "t.task_id_ IN (SELECT id FROM copy_ids)");
      dependents.put("act_hi_dec_in", "t.dec_inst_id_ IN (SELECT id FROM copy_ids)");
      dependents.put("act_hi_dec_out", "t.dec_inst_id_ IN (SELECT id FROM copy_ids)");
      dependents.put("act_ge_bytearray", "t.id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ IN"
          + " (SELECT id_ FROM copy_pi) UNION SELECT bytearray_id_ FROM act_hi_varinst WHERE proc_inst_id_ IN"
          + " (SELECT id_ FROM copy_pi) UNION SELECT exception_stack_id_ FROM act_ru_job WHERE process_instance_id_ IN"
          + " (SELECT id_ FROM copy_pi))");
      for (Map.Entry<String, String> table : dependents.entrySet()) {
        statement.execute("INSERT INTO copy_ids SELECT t.id_ FROM " + table.getKey() + " t WHERE " + table.getValue()
            + " ON CONFLICT DO NOTHING");
      }
      // The activity instance ids the history and the executions share.
      statement.execute("INSERT INTO copy_ids SELECT act_inst_id_ FROM act_ru_execution WHERE proc_inst_id_ IN"
          + " (SELECT id_ FROM copy_pi) AND act_inst_id_ IS NOT NULL ON CONFLICT DO NOTHING");

      // Business keys: a new RMA number per copy from the app's sequence, and a serial number of its own.
      statement.execute("CREATE TEMP TABLE copy_keys (old VARCHAR(255), k INT, new VARCHAR(255), PRIMARY KEY (old, k))");
      try (PreparedStatement keys = sql.prepareStatement("INSERT INTO copy_keys"
          + " SELECT c.rma_number, n.k, 'RMA-' || split_part(c.rma_number, '-', 2) || '-'"
          + " || lpad(nextval('rma_number_seq')::text, 6, '0') FROM rma_case c, generate_series(1, ?) AS n(k)"
          + " WHERE c.rma_number = ANY (?) UNION ALL"
          + " SELECT c.serial_number, n.k, c.serial_number || '-' || n.k FROM rma_case c, generate_series(1, ?) AS n(k)"
          + " WHERE c.rma_number = ANY (?)")) {
        Array numbers = sql.createArrayOf("varchar", rmaNumbers.toArray());
        keys.setInt(1, copies);
        keys.setArray(2, numbers);
        keys.setInt(3, copies);
        keys.setArray(4, numbers);
        keys.execute();
      }
      statement.execute("ANALYZE copy_ids");
      statement.execute("ANALYZE copy_keys");

      // Parents before children, for the foreign keys.
      Map<String, String> order = new LinkedHashMap<>();
      order.put("act_ge_bytearray", dependents.remove("act_ge_bytearray"));
      order.put("act_ru_execution", tables.remove("act_ru_execution"));
      order.put("act_ru_task", tables.remove("act_ru_task"));
      order.putAll(tables);
      order.putAll(dependents);
      order.put("rma_case", "t.rma_number IN (SELECT old FROM copy_keys)");
      order.put("rma_timeline", "t.rma_number IN (SELECT old FROM copy_keys)");
      for (Map.Entry<String, String> table : order.entrySet()) {
        insertCopies(statement, table.getKey(), table.getValue(), copies);
      }
      statement.execute("DROP TABLE copy_pi, copy_ids, copy_keys");
      sql.commit();
      return rmaNumbers.size() * copies;
    } catch (SQLException | RuntimeException failed) {
      sql.rollback();
      throw failed;
    } finally {
      sql.setAutoCommit(autoCommit);
    }
  }

  /** One statement per table: every template row times the copies, each value that names a copied row mapped. */
  private void insertCopies(Statement statement, String table, String templateRows, int copies) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = '" + table + "' AND is_identity = 'NO'"
        + " ORDER BY ordinal_position")) {
      while (rows.next()) {
        String column = rows.getString(1);
        columns.add(column);
        values.add(rows.getString(2).equals("character varying") || rows.getString(2).equals("text")
            ? mapped("t." + column) : "t." + column);
      }
    }
    statement.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM " + table + " t, generate_series(1, " + copies + ") AS n(k) WHERE "
        + templateRows);
  }

  /**
   * A copied row's id becomes a new one derived from the old one and the copy's number, as long
   * as the old one (an activity instance id keeps its activity part; the generated part is hex
   * of the old one's length, so a ULID's copy fits where the ULID did); an RMA or serial
   * number is looked up.
   */
  private static String mapped(String column) {
    String prefix = "COALESCE(substring(" + column + " FROM '^(.*:)'), '')";
    String hash = "md5(" + column + " || '/' || n.k) || md5(" + column + " || '//' || n.k)";
    return "CASE WHEN " + column + " IN (SELECT id FROM copy_ids) THEN " + prefix + " || left(" + hash
        + ", length(" + column + ") - length(" + prefix + "))"
        + " WHEN " + column + " IN (SELECT old FROM copy_keys) THEN (SELECT x.new FROM copy_keys x WHERE x.old = "
        + column + " AND x.k = n.k) ELSE " + column + " END";
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
