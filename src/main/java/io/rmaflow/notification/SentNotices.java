package io.rmaflow.notification;

import io.rmaflow.rmacase.RmaCaseRepository;
import io.rmaflow.support.RmaClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Which notices went out. Records are committed on their own, whatever the step's transaction does next. */
@Repository
public class SentNotices {

  private final JdbcClient jdbc;
  private final RmaCaseRepository cases;
  private final RmaClock clock;

  public SentNotices(JdbcClient jdbc, RmaCaseRepository cases, RmaClock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.clock = clock;
  }

  public boolean contains(NoticeKey key) {
    return jdbc.sql("SELECT COUNT(*) FROM customer_notice WHERE notice_key = ?").param(key.value())
        .query(Long.class).single() > 0;
  }

  /** Records the delivery and lists it in the case timeline, committed at once. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(NoticeKey key, CustomerNotice notice, CustomerNotifier.Delivery delivery) {
    var now = clock.nowOffset();
    jdbc.sql("INSERT INTO customer_notice (notice_key, rma_number, notice_type, sent, recorded_at) VALUES (?, ?, ?, ?, ?)")
        .params(key.value(), notice.rmaNumber(), notice.type().name(), delivery.sent(), now)
        .update();
    cases.appendTimeline(notice.rmaNumber(), now, "NOTICE",
        notice.type().name() + (delivery.sent() ? " sent" : " " + delivery.detail()));
  }
}
