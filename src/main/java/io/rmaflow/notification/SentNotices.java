package io.rmaflow.notification;

import io.rmaflow.support.RmaClock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import io.rmaflow.process.StepKey;

/**
 * The ledger of notices that went out. A record is committed on its own, whatever the
 * sending step's transaction does next, so a retried step knows the customer has it.
 */
@Repository
public class SentNotices {

  private final JdbcClient jdbc;
  private final RmaClock clock;

  public SentNotices(JdbcClient jdbc, RmaClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How an earlier attempt of this step delivered its notice, if it did. */
  public Optional<CustomerNotifier.Delivery> find(StepKey key) {
    return jdbc.sql("SELECT sent FROM customer_notice WHERE notice_key = ?").param(key.value())
        .query((rs, row) -> rs.getBoolean("sent")
            ? new CustomerNotifier.Delivery(true, "sent")
            : new CustomerNotifier.Delivery(false, LoggingCustomerNotifier.NOT_SENT))
        .optional();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(StepKey key, CustomerNotice notice, CustomerNotifier.Delivery delivery) {
    jdbc.sql("INSERT INTO customer_notice (notice_key, reference, notice_type, sent, recorded_at) VALUES (?, ?, ?, ?, ?)")
        .params(key.value(), notice.reference(), notice.type(), delivery.sent(), clock.nowOffset())
        .update();
  }
}
