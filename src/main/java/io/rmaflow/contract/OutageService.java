package io.rmaflow.contract;

import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.RmaClock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outages of the systems support contracts cover (002 第二条(四)), reported by the customer's
 * monitoring or the service desk: the monthly report's availability is computed from them.
 */
@Service
public class OutageService {

  private final OutageRepository outages;
  private final ContractFile contracts;
  private final RmaClock clock;

  OutageService(OutageRepository outages, ContractFile contracts, RmaClock clock) {
    this.outages = outages;
    this.contracts = contracts;
    this.clock = clock;
  }

  /**
   * @throws ContractNotAwaitingException when the contract is not a support contract
   * @throws InvalidFieldException when the times are in the future or the end is not after the start
   */
  @Transactional
  public Outage report(String contractNumber, OffsetDateTime startedAt, OffsetDateTime endedAt, String description) {
    ServiceContract contract = supportContract(contractNumber);
    OffsetDateTime now = clock.nowOffset();
    if (startedAt.isAfter(now)) {
      throw new InvalidFieldException("startedAt", "must not be in the future");
    }
    if (endedAt != null && !endedAt.isAfter(startedAt)) {
      throw new InvalidFieldException("endedAt", "must be after startedAt");
    }
    if (endedAt != null && endedAt.isAfter(now)) {
      throw new InvalidFieldException("endedAt", "must not be in the future: report an open outage and end it later");
    }
    long id = outages.insert(contract.contractNumber(), startedAt, endedAt, description, now);
    contracts.record(contractNumber, ContractTimelineEvent.OUTAGE, "no. " + id + " from " + startedAt
        + (endedAt == null ? ", still open" : " to " + endedAt) + ": " + description);
    return outages.find(contractNumber, id).orElseThrow();
  }

  /**
   * Ends an open outage, now or at the time given.
   *
   * @throws UnknownOutageException when the contract has no such outage
   * @throws ContractNotAwaitingException when the outage has ended already, or the contract is not a support contract
   */
  @Transactional
  public Outage end(String contractNumber, long id, OffsetDateTime endedAt) {
    supportContract(contractNumber);
    Outage outage = outages.find(contractNumber, id).orElseThrow(() -> new UnknownOutageException(contractNumber, id));
    OffsetDateTime end = endedAt == null ? clock.nowOffset() : endedAt;
    if (!end.isAfter(outage.startedAt())) {
      throw new InvalidFieldException("endedAt", "must be after the outage's start, " + outage.startedAt());
    }
    if (end.isAfter(clock.nowOffset())) {
      throw new InvalidFieldException("endedAt", "must not be in the future");
    }
    if (!outages.end(id, end)) {
      throw new ContractNotAwaitingException("Outage " + id + " of contract " + contractNumber + " ended at "
          + outage.endedAt() + " already.");
    }
    contracts.record(contractNumber, ContractTimelineEvent.OUTAGE, "no. " + id + " ended at " + end);
    return outages.find(contractNumber, id).orElseThrow();
  }

  /** The contract's outages that overlap {@code [from, until)}. */
  public List<Outage> overlapping(String contractNumber, OffsetDateTime from, OffsetDateTime until) {
    return outages.overlapping(contractNumber, from, until);
  }

  private ServiceContract supportContract(String contractNumber) {
    ServiceContract contract = contracts.get(contractNumber);
    if (contract.plan() != ContractPlan.SUPPORT) {
      throw new ContractNotAwaitingException("Contract " + contractNumber + " is a " + contract.plan()
          + " contract; outages are reported for SUPPORT contracts, which cover a system.");
    }
    return contract;
  }
}
