package io.rmaflow.support;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/** Numbers from a database sequence, safe across the nodes of a cluster, on H2 and PostgreSQL alike. */
public final class SequenceNumbers {

  private SequenceNumbers() {}

  public static DataFieldMaxValueIncrementer of(DataSource dataSource, String sequence) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
      return product.toLowerCase().contains("postgres")
          ? new PostgresSequenceMaxValueIncrementer(dataSource, sequence)
          : new H2SequenceMaxValueIncrementer(dataSource, sequence);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database holds the sequence " + sequence, e);
    }
  }
}
