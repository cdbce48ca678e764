package io.rmaflow.contract;

import java.time.LocalDate;

/**
 * The service contract a unit falls under on a day, as a repair case finds it at intake
 * (service-contracts.md, "Entitlement in the repair lifecycle"): the contract whose term, or
 * approved extension, includes the day, else the latest one that ended before it. Only an
 * {@code ACTIVE} contract entitles the case; a suspended, unpaid or lapsed one is named so that
 * the warranty decision can say why it gives nothing.
 */
public record UnitCover(String contractNumber, ContractPlan plan, ContractStatus status, LocalDate serviceUntil,
    ServiceLevels serviceLevels) {

  public boolean entitles() {
    return status == ContractStatus.ACTIVE;
  }
}
