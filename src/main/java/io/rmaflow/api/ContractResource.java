package io.rmaflow.api;

import io.rmaflow.contract.Billing;
import io.rmaflow.contract.ContractBilling;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractQueryService;
import io.rmaflow.contract.ContractStatus;
import io.rmaflow.contract.ContractTimelineEntry;
import io.rmaflow.contract.RenewalDecision;
import io.rmaflow.contract.ServiceContract;
import io.rmaflow.customer.Customer;
import io.rmaflow.process.Priority;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A service contract as the API shows it (contract: {@code GET /api/contracts/{contractNumber}}). Money is a decimal string. */
public record ContractResource(
    String contractNumber,
    ContractStatus status,
    ContractPlan plan,
    String system,
    List<String> units,
    Customer customer,
    int term,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate serviceUntil,
    LocalDate serviceFrom,
    Billing billing,
    Money fee,
    ServiceLevels serviceLevels,
    Balance balance,
    RenewalDecision renewal,
    Extension extension,
    OffsetDateTime registeredAt,
    OffsetDateTime activationDueBy,
    OffsetDateTime closedAt,
    List<ContractTimelineEntry> timeline) {

  public record Money(String amount, String currency) {}

  /** What the contract promises: its own levels, the centre's where it states none. */
  public record ServiceLevels(Integer responseWorkingHours, Map<Priority, Integer> resolutionWorkingHours,
      String availabilityTarget) {}

  /** {@code due}: what a payment made today must carry, late fees included. */
  public record Balance(String due, String currency, String overdueLateFees, LocalDate paidThrough, List<Period> periods) {}

  public record Period(LocalDate from, LocalDate to, String net, String tax, String amount, LocalDate dueOn, String lateFee,
      OffsetDateTime paidAt, boolean paidBeforeRegistration) {}

  public record Extension(LocalDate until, String reason, Boolean approved) {}

  static ContractResource of(ContractQueryService.ContractDetails details, ContactDetails contact) {
    ServiceContract c = details.contract();
    ContractBilling.Balance balance = details.balance();
    io.rmaflow.contract.ServiceLevels levels = details.serviceLevels();
    return new ContractResource(c.contractNumber(), c.status(), c.plan(), c.system(), c.units(), contact.customer(c.customer()), c.term(),
        c.startsOn(), c.endsOn(), c.serviceUntil(), c.serviceFrom(), c.billing(), new Money(money(c.fee()), c.currency()),
        new ServiceLevels(levels.responseWorkingHours(), levels.resolutionWorkingHours(), money(levels.availabilityTarget())),
        new Balance(money(balance.due()), balance.currency(), money(balance.overdueLateFees()), balance.paidThrough(),
            balance.periods().stream().map(line -> new Period(line.from(), line.to(), money(line.net()), money(line.tax()),
                money(line.amount()), line.dueOn(), money(line.lateFee()), line.paidAt(), line.paidBeforeRegistration()))
                .toList()),
        c.renewal(),
        c.extension() == null ? null : new Extension(c.extension().until(), c.extension().reason(), c.extension().approved()),
        c.registeredAt(), c.activationDueBy(), c.closedAt(), details.timeline());
  }

  private static String money(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }

  /** A contract in search results. */
  public record Summary(String contractNumber, ContractStatus status, ContractPlan plan, LocalDate startsOn, LocalDate endsOn,
      List<String> units, String customerEmail) {

    static Summary of(ServiceContract c, ContactDetails contact) {
      return new Summary(c.contractNumber(), c.status(), c.plan(), c.startsOn(), c.endsOn(), c.units(),
          contact.email(c.customer().email()));
    }
  }

  /** One page of search results. */
  public record Page(List<Summary> items, int page, int size, long totalItems) {}
}
