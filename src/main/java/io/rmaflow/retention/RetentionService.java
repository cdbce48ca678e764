package io.rmaflow.retention;

import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the personal data of cases closed longer ago than the retention period (service
 * agreement 3.7): the customer's name, contact and street address, free texts that may
 * quote them, and the ended process's variables. What statistics need stays: RMA number,
 * product, city, status, resolution, dates and amounts. Idempotent, so every node of a
 * cluster may run it.
 */
@Service
public class RetentionService {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

  /** Timeline events whose detail is the customer's or staff's free text. */
  static final List<String> FREE_TEXT_EVENTS = List.of("COMPLAINT_FILED", "FEEDBACK", "CANCELLATION_REQUESTED", "TASK_COMPLETED");

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final RmaClock clock;
  private final RmaProperties.Retention retention;

  public RetentionService(JdbcClient jdbc, HistoryService historyService, RmaClock clock, RmaProperties properties) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.clock = clock;
    this.retention = properties.retention();
  }

  @Scheduled(cron = "${rma.retention.cron:0 30 2 * * *}", zone = "${rma.centre.zone-id:Asia/Shanghai}")
  public void anonymiseExpiredCases() {
    int anonymised = anonymiseClosedBefore(clock.now().minus(retention.personalDataAfterClosing()).toOffsetDateTime());
    if (anonymised > 0) {
      LOG.info("Removed the personal data of {} closed cases", anonymised);
    }
  }

  /** @return how many cases were anonymised now */
  @Transactional
  public int anonymiseClosedBefore(OffsetDateTime cutoff) {
    List<String> expired = jdbc.sql("""
        SELECT rma_number FROM rma_case
        WHERE status = 'CLOSED' AND closed_at < :cutoff AND anonymised_at IS NULL
        """).param("cutoff", cutoff).query(String.class).list();
    for (String rmaNumber : expired) {
      anonymise(rmaNumber);
    }
    return expired.size();
  }

  private void anonymise(String rmaNumber) {
    jdbc.sql("""
        UPDATE rma_case SET customer_name = 'anonymised', customer_email = :email, customer_phone = NULL,
          address_line1 = NULL, address_postal_code = NULL, fault_description = '(removed)',
          feedback_comment = NULL, cancellation_reason = NULL, replaced_parts = NULL, anonymised_at = :now
        WHERE rma_number = :rma
        """)
        .param("email", "anonymised-" + rmaNumber.toLowerCase() + "@invalid")
        .param("now", clock.nowOffset())
        .param("rma", rmaNumber)
        .update();
    jdbc.sql("UPDATE rma_timeline SET detail = NULL WHERE rma_number = :rma AND event IN (:events)")
        .param("rma", rmaNumber).param("events", FREE_TEXT_EVENTS).update();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rmaNumber).finished().list()
        .forEach(instance -> historyService.deleteHistoricVariableInstancesByProcessInstanceId(instance.getId()));
  }
}
