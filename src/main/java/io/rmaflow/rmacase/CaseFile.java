package io.rmaflow.rmacase;

import io.rmaflow.support.RmaClock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The case's business record: facts, status and timeline, kept in our own tables as the
 * process moves. Every write also stamps the case's {@code updated_at}.
 */
@Service
public class CaseFile {

  private final RmaCaseRepository repository;
  private final RmaClock clock;

  public CaseFile(RmaCaseRepository repository, RmaClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public RmaCase get(String rmaNumber) {
    return repository.get(rmaNumber);
  }

  /** Sets facts of the case; keys are column names of {@code rma_case}. */
  public void update(String rmaNumber, Map<String, ?> columns) {
    repository.update(rmaNumber, clock.nowOffset(), columns);
  }

  public void record(String rmaNumber, String event, String detail) {
    repository.appendTimeline(rmaNumber, clock.nowOffset(), event, detail);
  }

  /** Moves the case to a status; a change is listed in the timeline, a repeat is not. */
  public void changeStatus(String rmaNumber, CaseStatus status) {
    if (repository.changeStatus(rmaNumber, status, clock.nowOffset())) {
      record(rmaNumber, "STATUS_CHANGED", status.name());
    }
  }

  public void close(String rmaNumber, Resolution resolution) {
    repository.close(rmaNumber, resolution, clock.nowOffset());
    record(rmaNumber, "STATUS_CHANGED", CaseStatus.CLOSED.name() + " " + resolution.name());
  }

  public void countQualityFailure(String rmaNumber) {
    repository.incrementQualityFailures(rmaNumber, clock.nowOffset());
  }
}
