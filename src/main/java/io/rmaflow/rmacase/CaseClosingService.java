package io.rmaflow.rmacase;

import io.rmaflow.process.Resolution;
import io.rmaflow.process.StepKey;
import io.rmaflow.support.RmaClock;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a case with one resolution and publishes {@link CaseClosed}: the customer's closing
 * notice, the service levels and the insight figures follow from that event, in this transaction.
 */
@Service
public class CaseClosingService {

  private final CaseFile caseFile;
  private final RmaClock clock;
  private final ApplicationEventPublisher events;

  CaseClosingService(CaseFile caseFile, RmaClock clock, ApplicationEventPublisher events) {
    this.caseFile = caseFile;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public void close(String rmaNumber, Resolution resolution, StepKey step) {
    if (resolution == null) {
      throw new IllegalStateException("Case " + rmaNumber + " reached a closing end event without a resolution");
    }
    OffsetDateTime now = clock.nowOffset();
    RmaCase rmaCase = caseFile.get(rmaNumber);
    caseFile.close(rmaNumber, resolution, now);
    events.publishEvent(new CaseClosed(rmaNumber, resolution, rmaCase.createdAt(), now, step));
  }
}
