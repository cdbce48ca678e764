package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.support.IdempotencyConflictException;
import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Sha256;
import io.rmaflow.support.SequenceNumbers;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a service contract (service-contracts.md, step 1): files it under a new contract
 * number with its billing periods and starts its process, in one transaction. A contract moved
 * over from the customer's former system with {@code paidUntil} is in service at once; a new
 * one awaits its first payment. With an idempotency key, the same registration sent again
 * answers with the contract it created.
 */
@Service
public class ContractRegistrationService {

  /** A term of a service contract lasts at most this long. */
  static final int MAX_TERM_YEARS = 10;

  private final ContractRepository repository;
  private final ContractFile contracts;
  private final RuntimeService runtimeService;
  private final Validator validator;
  private final RmaClock clock;
  private final TransactionTemplate transaction;
  private final ContractBilling billing;
  private final RmaProperties properties;
  private final DataFieldMaxValueIncrementer numbers;

  ContractRegistrationService(ContractRepository repository, ContractFile contracts, RuntimeService runtimeService,
      Validator validator, RmaClock clock, TransactionTemplate transaction, ContractBilling billing,
      RmaProperties properties, DataSource dataSource) {
    this.repository = repository;
    this.contracts = contracts;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.clock = clock;
    this.transaction = transaction;
    this.billing = billing;
    this.properties = properties;
    this.numbers = SequenceNumbers.of(dataSource, "contract_number_seq");
  }

  /** The outcome of a registration: the contract, and whether this call created it. */
  public record Registration(String contractNumber, boolean created) {}

  /**
   * @throws ConstraintViolationException or {@link InvalidFieldException} when the registration is invalid
   * @throws ContractOverlapException when a unit is covered by another open contract on some of the days
   * @throws IdempotencyConflictException when the key was used for another registration
   */
  public Registration register(ContractRegistration registration, String idempotencyKey) {
    var violations = validator.validate(registration);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    List<BillingSchedule.PlannedPeriod> periods = check(registration);
    if (idempotencyKey == null) {
      return new Registration(transaction.execute(status -> file(registration, periods)), true);
    }
    String requestHash = Sha256.of(registration);
    Optional<Registration> earlier = replay(idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> {
        String number = file(registration, periods);
        repository.recordIdempotentRegistration(idempotencyKey, requestHash, number, clock.nowOffset());
        return new Registration(number, true);
      });
    } catch (DuplicateKeyException concurrentSameKey) {
      return replay(idempotencyKey, requestHash).orElseThrow(() -> concurrentSameKey);
    }
  }

  /** The checks a single field cannot make; answers the term's periods. */
  private List<BillingSchedule.PlannedPeriod> check(ContractRegistration r) {
    LocalDate today = clock.today();
    if (r.endsOn().isBefore(r.startsOn())) {
      throw new InvalidFieldException("endsOn", "must not be before startsOn");
    }
    if (r.endsOn().isBefore(today)) {
      throw new InvalidFieldException("endsOn", "must not be in the past: the contract would have ended already");
    }
    if (r.endsOn().isAfter(r.startsOn().plusYears(MAX_TERM_YEARS))) {
      throw new InvalidFieldException("endsOn", "a term lasts at most " + MAX_TERM_YEARS + " years");
    }
    if (r.plan() == ContractPlan.SUPPORT && (r.system() == null || r.system().isBlank())) {
      throw new InvalidFieldException("system", "is required for a SUPPORT contract: the covered system's name");
    }
    List<BillingSchedule.PlannedPeriod> periods = BillingSchedule.periods(r.billing(), r.startsOn(), r.endsOn(),
        r.fee().amount(), properties.quote().taxRate(), r.fee().currency());
    if (r.paidUntil() != null && periods.stream().noneMatch(period -> period.to().equals(r.paidUntil()))) {
      throw new InvalidFieldException("paidUntil", "must be the last day of one of the term's billing periods ("
          + periods.stream().limit(3).map(period -> period.to().toString()).reduce((a, b) -> a + ", " + b).orElse("")
          + (periods.size() > 3 ? ", ..." : "") + ")");
    }
    return periods;
  }

  private String file(ContractRegistration r, List<BillingSchedule.PlannedPeriod> periods) {
    List<String> units = r.unitsOrNone();
    repository.lockUnits(units);
    List<String> overlapping = repository.openContractsCovering(units, r.startsOn(), r.endsOn());
    if (!overlapping.isEmpty()) {
      throw new ContractOverlapException(units, overlapping);
    }
    ZonedDateTime now = clock.now();
    String number = "SC-%d-%06d".formatted(Year.from(now).getValue(), numbers.nextLongValue());
    boolean movedOver = r.paidUntil() != null;
    OffsetDateTime activationDueBy = movedOver ? null
        : now.plus(properties.contract().paymentWithin()).toOffsetDateTime();
    ContractStatus status = movedOver ? ContractStatus.ACTIVE : ContractStatus.AWAITING_PAYMENT;
    ServiceLevels levels = r.serviceLevels() == null ? new ServiceLevels(null, null, null) : r.serviceLevels().toServiceLevels();
    repository.insert(new ContractRepository.NewContract(number, status, r.plan(), r.system(), units, r.customer(),
        r.startsOn(), r.endsOn(), r.billing(), r.fee().amount(), r.fee().currency(), levels, now.toOffsetDateTime(),
        activationDueBy));
    if (movedOver) {
      // Served since its start, by the former system: its months count for the service reports.
      contracts.recordServiceFrom(number, r.startsOn());
    }
    LocalDate today = now.toLocalDate();
    for (int i = 0; i < periods.size(); i++) {
      BillingSchedule.PlannedPeriod period = periods.get(i);
      boolean paidBefore = movedOver && !period.to().isAfter(r.paidUntil());
      // A new contract is paid first (001 3): its first period can be paid at once.
      LocalDate opensOn = !movedOver && i == 0 ? today : billing.opensOn(period.dueOn());
      contracts.addPeriod(number, 1, period, period.dueOn(), opensOn.isAfter(period.dueOn()) ? period.dueOn() : opensOn,
          paidBefore);
    }
    contracts.record(number, ContractTimelineEvent.REGISTERED, r.plan() + ", " + r.billing() + " "
        + r.fee().amount().toPlainString() + " " + r.fee().currency() + " net, " + r.startsOn() + " to " + r.endsOn()
        + (movedOver ? ", paid until " + r.paidUntil() : ""));
    contracts.record(number, ContractTimelineEvent.STATUS_CHANGED, status.name());
    runtimeService.startProcessInstanceByKey(ContractProcess.KEY, number,
        startVariables(number, r, movedOver, activationDueBy, status));
    return number;
  }

  private Map<String, Object> startVariables(String number, ContractRegistration r, boolean movedOver,
      OffsetDateTime activationDueBy, ContractStatus status) {
    Map<String, Object> variables = new HashMap<>();
    CONTRACT_NUMBER.putInto(variables, number);
    CUSTOMER_NAME.putInto(variables, r.customer().name());
    PLAN.putInto(variables, r.plan());
    MOVED_OVER.putInto(variables, movedOver);
    ACTIVATION_DUE_BY.putInto(variables, activationDueBy);
    CONTRACT_STATUS.putInto(variables, status);
    PAID_THROUGH.putInto(variables, billing.paidThrough(contracts.periods(number)).orElse(null));
    RENEWAL.putInto(variables, RenewalDecision.UNDECIDED);
    PERIOD_TO.putInto(variables, null);
    return variables;
  }

  private Optional<Registration> replay(String idempotencyKey, String requestHash) {
    return repository.idempotentRegistration(idempotencyKey).map(earlier -> {
      if (!earlier[0].equals(requestHash)) {
        throw new IdempotencyConflictException(idempotencyKey);
      }
      return new Registration(earlier[1], false);
    });
  }
}
