package io.rmaflow.contract;

import io.rmaflow.process.Priority;
import io.rmaflow.sla.SlaPlan;
import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads service contracts for the API and the centre's figures. */
@Service
public class ContractQueryService {

  /** Contracts ending within this many days count as ending soon. */
  public static final int ENDING_WITHIN_DAYS = 30;

  private final ContractFile contracts;
  private final ContractRepository repository;
  private final ContractBilling billing;
  private final RmaClock clock;
  private final ServiceLevels centreLevels;

  ContractQueryService(ContractFile contracts, ContractRepository repository, ContractBilling billing, RmaClock clock,
      SlaPlan slaPlan, RmaProperties properties) {
    this.contracts = contracts;
    this.repository = repository;
    this.billing = billing;
    this.clock = clock;
    // A contract states whole working hours; the centre's own levels are shown the same way.
    Map<Priority, Integer> resolution = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      resolution.put(priority, (int) slaPlan.resolutionTime(priority).toHours());
    }
    this.centreLevels = new ServiceLevels((int) slaPlan.responseTime().toHours(), Map.copyOf(resolution),
        properties.contract().availabilityTarget());
  }

  /** A contract with its account and timeline. */
  public record ContractDetails(ServiceContract contract, ServiceLevels serviceLevels, ContractBilling.Balance balance,
      List<ContractTimelineEntry> timeline) {}

  /** @throws UnknownContractException when there is no such contract */
  @Transactional(readOnly = true)
  public ContractDetails get(String contractNumber) {
    ServiceContract contract = contracts.get(contractNumber);
    return new ContractDetails(contract, serviceLevelsOf(contract),
        billing.balance(contracts.periods(contractNumber), contract.currency(), clock.today()),
        contracts.timeline(contractNumber));
  }

  /** @throws UnknownContractException when there is no such contract */
  @Transactional(readOnly = true)
  public ContractStatus status(String contractNumber) {
    return contracts.get(contractNumber).status();
  }

  /** The contracts that served on some day of {@code [from, to]}, whatever they are now: the month's reports. */
  @Transactional(readOnly = true)
  public List<ServiceContract> servingDuring(LocalDate from, LocalDate to) {
    return repository.servingDuring(from, to);
  }

  /** The contract the unit falls under on that day, if any (see {@link UnitCover}). */
  @Transactional(readOnly = true)
  public Optional<UnitCover> coverOf(String serialNumber, LocalDate on) {
    List<ServiceContract> listing = repository.coveringUnit(serialNumber).stream()
        .filter(contract -> contract.status() != ContractStatus.CANCELLED_UNPAID).toList();
    Optional<ServiceContract> current = listing.stream()
        .filter(contract -> !contract.firstStartsOn().isAfter(on) && !contract.serviceUntil().isBefore(on)).findFirst();
    Optional<ServiceContract> lapsed = listing.stream().filter(contract -> contract.serviceUntil().isBefore(on))
        .max(Comparator.comparing(ServiceContract::serviceUntil));
    return current.or(() -> lapsed).map(this::cover);
  }

  /**
   * The contract an application names, for the unit on that day: it must list the unit. Named
   * but suspended, unpaid or lapsed, it is the cover that gives nothing, and the case says why.
   *
   * @throws InvalidFieldException on {@code contractNumber} when there is no such contract or it does not list the unit
   */
  @Transactional(readOnly = true)
  public UnitCover namedCover(String contractNumber, String serialNumber, LocalDate on) {
    ServiceContract contract = contracts.find(contractNumber).orElseThrow(() -> new InvalidFieldException("contractNumber",
        "there is no service contract " + contractNumber));
    if (!contract.units().contains(serialNumber)) {
      throw new InvalidFieldException("contractNumber", "service contract " + contractNumber + " does not cover "
          + serialNumber);
    }
    if (contract.firstStartsOn().isAfter(on)) {
      throw new InvalidFieldException("contractNumber", "service contract " + contractNumber + " starts on "
          + contract.firstStartsOn());
    }
    return cover(contract);
  }

  private UnitCover cover(ServiceContract contract) {
    return new UnitCover(contract.contractNumber(), contract.plan(), contract.status(), contract.serviceUntil(),
        serviceLevelsOf(contract));
  }

  /** The service levels a contract promises: its own where it states them, the centre's elsewhere. */
  public ServiceLevels serviceLevelsOf(ServiceContract contract) {
    return contract.serviceLevels().orElse(centreLevels);
  }

  public List<ServiceContract> search(ContractStatus status, String serialNumber, String email, int page, int size) {
    return repository.search(status, serialNumber, email, page * size, size);
  }

  public long count(ContractStatus status, String serialNumber, String email) {
    return repository.count(status, serialNumber, email);
  }

  /**
   * How the centre's contracts stand today, for process owners: in service, waiting for their
   * first payment or its audit, with a period past its due date (and the late fees so far, per
   * currency), and in service but ending within {@value #ENDING_WITHIN_DAYS} days without a paid renewal.
   */
  public record Figures(long active, long awaitingPaymentOrAudit, long overdue, List<Amount> overdueLateFees,
      long endingWithin30Days) {}

  public record Amount(BigDecimal amount, String currency) {}

  @Transactional(readOnly = true)
  public Figures figures() {
    LocalDate today = clock.today();
    List<ContractStatus> openStatuses = List.of(ContractStatus.AWAITING_PAYMENT, ContractStatus.IN_AUDIT,
        ContractStatus.ACTIVE, ContractStatus.SUSPENDED);
    List<ServiceContract> open = repository.inStatus(openStatuses);
    Map<String, List<ContractPeriod>> periods = repository.periodsOfContractsIn(openStatuses);
    long active = open.stream().filter(contract -> contract.status() == ContractStatus.ACTIVE).count();
    long awaiting = open.stream().filter(contract -> contract.status() == ContractStatus.AWAITING_PAYMENT
        || contract.status() == ContractStatus.IN_AUDIT).count();
    // A renewal already paid for continues the service: not a contract to follow up.
    long ending = open.stream().filter(contract -> contract.status() == ContractStatus.ACTIVE
        && contract.renewal() != RenewalDecision.PAID
        && !contract.serviceUntil().isAfter(today.plusDays(ENDING_WITHIN_DAYS))).count();
    long overdue = 0;
    Map<String, BigDecimal> fees = new TreeMap<>();
    for (ServiceContract contract : open) {
      ContractBilling.Balance balance = billing.balance(periods.getOrDefault(contract.contractNumber(), List.of()),
          contract.currency(), today);
      boolean late = balance.periods().stream().anyMatch(line -> line.paidAt() == null && !line.paidBeforeRegistration()
          && line.dueOn().isBefore(today));
      if (late) {
        overdue++;
        fees.merge(contract.currency(), balance.overdueLateFees(), BigDecimal::add);
      }
    }
    return new Figures(active, awaiting, overdue,
        fees.entrySet().stream().map(entry -> new Amount(entry.getValue(), entry.getKey())).toList(), ending);
  }
}
