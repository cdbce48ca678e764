package io.rmaflow.retention;

import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the personal data of cases closed longer ago than the retention period (service
 * agreement 3.7): the case file removes what it keeps of the customer, and the ended
 * process's variables go from the engine's history. What statistics need stays: RMA number,
 * product, city, status, resolution, dates and amounts. Idempotent, so every node of a
 * cluster may run it.
 */
@Service
public class RetentionService {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

  private final CaseFile caseFile;
  private final HistoryService historyService;
  private final RmaClock clock;
  private final RmaProperties.Retention retention;

  public RetentionService(CaseFile caseFile, HistoryService historyService, RmaClock clock, RmaProperties properties) {
    this.caseFile = caseFile;
    this.historyService = historyService;
    this.clock = clock;
    this.retention = properties.retention();
  }

  @Scheduled(cron = "${rma.retention.cron:0 30 2 * * *}", zone = "${rma.centre.zone-id:" + RmaProperties.Centre.DEFAULT_ZONE + "}")
  public void anonymiseExpiredCases() {
    int anonymised = anonymiseClosedBefore(clock.now().minus(retention.personalDataAfterClosing()).toOffsetDateTime());
    if (anonymised > 0) {
      LOG.info("Removed the personal data of {} closed cases", anonymised);
    }
  }

  /** @return how many cases were anonymised now */
  @Transactional
  public int anonymiseClosedBefore(OffsetDateTime cutoff) {
    List<String> expired = caseFile.closedBeforeWithPersonalData(cutoff);
    for (String rmaNumber : expired) {
      caseFile.removePersonalData(rmaNumber);
      historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rmaNumber).finished().list()
          .forEach(instance -> historyService.deleteHistoricVariableInstancesByProcessInstanceId(instance.getId()));
    }
    return expired.size();
  }
}
