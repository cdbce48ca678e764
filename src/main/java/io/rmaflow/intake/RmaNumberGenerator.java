package io.rmaflow.intake;

import io.rmaflow.support.SequenceNumbers;
import java.time.Year;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Issues RMA numbers {@code RMA-<year>-<6 digits>} from a database sequence, safe across nodes. */
@Component
public class RmaNumberGenerator {

  private final DataFieldMaxValueIncrementer sequence;

  public RmaNumberGenerator(DataSource dataSource) {
    this.sequence = SequenceNumbers.of(dataSource, "rma_number_seq");
  }

  public String next(Year year) {
    return format(year, sequence.nextLongValue());
  }

  static String format(Year year, long number) {
    return "RMA-%d-%06d".formatted(year.getValue(), number);
  }
}
