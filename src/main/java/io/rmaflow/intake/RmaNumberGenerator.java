package io.rmaflow.intake;

import java.time.Year;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** Issues RMA numbers {@code RMA-<year>-<6 digits>} from a database sequence, safe across nodes. */
@Component
public class RmaNumberGenerator {

  private static final String SEQUENCE = "rma_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public RmaNumberGenerator(DataSource dataSource) throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next(Year year) {
    return format(year, sequence.nextLongValue());
  }

  static String format(Year year, long number) {
    return "RMA-%d-%06d".formatted(year.getValue(), number);
  }
}
