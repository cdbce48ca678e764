package io.rmaflow.contract;

import io.rmaflow.customer.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A service contract as the contract file keeps it. {@code startsOn} and {@code endsOn} are the
 * current term's; {@code serviceUntil} is {@code endsOn} or the end of an approved extension;
 * {@code serviceFrom} is when service began, the later of the first start and the approval of
 * the first payment. {@code serviceLevels} are those the contract states; the centre's fill in the rest.
 */
public record ServiceContract(
    String contractNumber,
    ContractStatus status,
    ContractPlan plan,
    String system,
    List<String> units,
    Customer customer,
    LocalDate firstStartsOn,
    int term,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate serviceUntil,
    LocalDate serviceFrom,
    Billing billing,
    BigDecimal fee,
    String currency,
    ServiceLevels serviceLevels,
    OffsetDateTime registeredAt,
    OffsetDateTime activationDueBy,
    RenewalDecision renewal,
    Extension extension,
    OffsetDateTime closedAt) {

  /** An extension asked for in special circumstances (001 3), and what the service managers decided. */
  public record Extension(LocalDate until, String reason, Boolean approved) {}

  ServiceContract withUnits(List<String> serialNumbers) {
    return new ServiceContract(contractNumber, status, plan, system, List.copyOf(serialNumbers), customer, firstStartsOn,
        term, startsOn, endsOn, serviceUntil, serviceFrom, billing, fee, currency, serviceLevels, registeredAt,
        activationDueBy, renewal, extension, closedAt);
  }
}
