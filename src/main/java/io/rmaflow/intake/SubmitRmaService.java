package io.rmaflow.intake;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.contract.ContractQueryService;
import io.rmaflow.contract.ServiceLevels;
import io.rmaflow.contract.UnitCover;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseQueryService;
import io.rmaflow.rmacase.NewCase;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.TermsAcceptance;
import io.rmaflow.rmacase.TimelineEvent;
import io.rmaflow.sla.ServiceLevel;
import io.rmaflow.sla.SlaPlan;
import io.rmaflow.support.IdempotencyConflictException;
import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Sha256;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Period;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a repair application: files the case under a new RMA number and starts its
 * lifecycle, in one transaction, so that either both exist or neither does. With an
 * idempotency key, the same application sent again returns the case it created. A case finds
 * the service contract covering its unit on the day (or the one it names) and the earlier case
 * it reworks; the contract's service levels set its deadlines, a rework starts urgent.
 */
@Service
public class SubmitRmaService {

  private final CaseFile caseFile;
  private final RmaNumberGenerator numbers;
  private final RuntimeService runtimeService;
  private final Validator validator;
  private final RmaClock clock;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final SlaPlan slaPlan;
  private final CaseQueryService cases;
  private final ContractQueryService contracts;
  private final Period reworkWithin;

  public SubmitRmaService(CaseFile caseFile, RmaNumberGenerator numbers,
      RuntimeService runtimeService, Validator validator, RmaClock clock, JdbcClient jdbc,
      TransactionTemplate transaction, SlaPlan slaPlan, CaseQueryService cases, ContractQueryService contracts,
      RmaProperties properties) {
    this.caseFile = caseFile;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.clock = clock;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.slaPlan = slaPlan;
    this.cases = cases;
    this.contracts = contracts;
    this.reworkWithin = properties.rework().within();
  }

  /** Files a new case; see {@link #submit(RmaApplication, String)}. */
  public String submit(RmaApplication application) {
    return submit(application, null).rmaNumber();
  }

  /**
   * @param idempotencyKey optional; the same key with the same application returns the
   *     first call's case, with another application it is refused
   * @throws ConstraintViolationException when the application is invalid
   * @throws DuplicateOpenRmaException when the serial number has an open RMA
   * @throws InvalidFieldException when the application names a contract that does not cover its serial number
   * @throws IdempotencyConflictException when the key was used for another application
   */
  public Submission submit(RmaApplication application, String idempotencyKey) {
    return submit(application, idempotencyKey, null);
  }

  /**
   * An application from the customer's own page, with the service agreement they accepted
   * (003: "only after you have agreed and accepted the terms ... can you use this service").
   */
  public Submission submit(RmaApplication application, String idempotencyKey, String acceptedTermsVersion) {
    TermsAcceptance terms = acceptedTermsVersion == null ? null : new TermsAcceptance(acceptedTermsVersion, clock.nowOffset());
    var violations = validator.validate(application);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    if (idempotencyKey == null) {
      return new Submission(transaction.execute(status -> file(application, terms)), true);
    }
    String requestHash = Sha256.of(application);
    Optional<Submission> earlier = replay(idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> {
        String rmaNumber = file(application, terms);
        jdbc.sql("INSERT INTO submission_idempotency (idempotency_key, request_hash, rma_number, created_at) VALUES (?, ?, ?, ?)")
            .params(idempotencyKey, requestHash, rmaNumber, clock.nowOffset())
            .update();
        return new Submission(rmaNumber, true);
      });
    } catch (DuplicateKeyException | DuplicateOpenRmaException concurrentSameKey) {
      // Another call with this key won the race; answer as it did, or as if it came first.
      return replay(idempotencyKey, requestHash).orElseThrow(() -> concurrentSameKey);
    }
  }

  private Optional<Submission> replay(String idempotencyKey, String requestHash) {
    return jdbc.sql("SELECT request_hash, rma_number FROM submission_idempotency WHERE idempotency_key = ?")
        .param(idempotencyKey)
        .query((rs, row) -> {
          if (!rs.getString("request_hash").equals(requestHash)) {
            throw new IdempotencyConflictException(idempotencyKey);
          }
          return new Submission(rs.getString("rma_number"), false);
        })
        .optional();
  }

  private String file(RmaApplication application, TermsAcceptance terms) {
    String serialNumber = application.product().serialNumber();
    if (caseFile.openCaseFor(serialNumber).isPresent()) {
      throw new DuplicateOpenRmaException(serialNumber);
    }
    ZonedDateTime now = clock.now();
    Optional<UnitCover> cover = application.contractNumber() == null
        ? contracts.coverOf(serialNumber, now.toLocalDate())
        : Optional.of(contracts.namedCover(application.contractNumber(), serialNumber, now.toLocalDate()));
    RmaCase.Entitlement entitlement = cover.filter(UnitCover::entitles).map(SubmitRmaService::entitlement).orElse(null);
    Optional<RmaCase> reworked = cases.reworkCandidate(serialNumber, now.minus(reworkWithin).toOffsetDateTime());
    // A rework starts urgent (001 6): the centre's own work failed the customer.
    Priority priority = reworked.isPresent() ? Priority.HIGH : application.priorityOrDefault();
    String rmaNumber = numbers.next(Year.from(now));
    try {
      caseFile.open(newCase(rmaNumber, application, now, priority, reworked.map(RmaCase::rmaNumber).orElse(null),
          entitlement, terms));
    } catch (DuplicateKeyException concurrentSubmission) {
      throw new DuplicateOpenRmaException(serialNumber);
    }
    cover.ifPresent(found -> caseFile.record(rmaNumber, TimelineEvent.ENTITLEMENT, describe(found, entitlement, priority)));
    reworked.ifPresent(earlier -> caseFile.record(rmaNumber, TimelineEvent.REWORK, "Rework of " + earlier.rmaNumber()
        + ", closed " + earlier.resolution() + " on " + earlier.closedAt().atZoneSameInstant(now.getZone()).toLocalDate()
        + ": priority HIGH"));
    runtimeService.startProcessInstanceByKey(RmaProcess.KEY, rmaNumber,
        startVariables(rmaNumber, application, now, priority, cover, reworked.map(RmaCase::rmaNumber).orElse(null),
            entitlement));
    return rmaNumber;
  }

  private static RmaCase.Entitlement entitlement(UnitCover cover) {
    ServiceLevels levels = cover.serviceLevels();
    return new RmaCase.Entitlement(cover.contractNumber(), cover.plan().name(), cover.status().name(),
        levels.responseWorkingHours(), levels.resolutionWorkingHours(), levels.availabilityTarget());
  }

  private String describe(UnitCover cover, RmaCase.Entitlement entitlement, Priority priority) {
    if (entitlement == null) {
      return "Service contract " + cover.contractNumber() + " is " + cover.status() + " (service until "
          + cover.serviceUntil() + "): no entitlement, the standard terms apply";
    }
    return "Service contract " + cover.contractNumber() + " (" + cover.plan() + "): "
        + slaPlan.promise(ServiceLevel.RESPONSE, priority, entitlement) + ", "
        + slaPlan.promise(ServiceLevel.RESOLUTION, priority, entitlement);
  }

  private static NewCase newCase(String rmaNumber, RmaApplication application, ZonedDateTime now, Priority priority,
      String reworkOf, RmaCase.Entitlement entitlement, TermsAcceptance terms) {
    var customer = application.customer();
    var address = customer.address();
    var purchase = application.purchase();
    return new NewCase(rmaNumber, now.toOffsetDateTime(),
        new RmaCase.Customer(customer.name(), customer.email(), customer.phone(), customer.localeOrDefault(),
            address.line1(), address.city(), address.province(), address.postalCode(), address.country()),
        application.product().model(), application.product().serialNumber(),
        purchase.channel(), purchase.invoiceNumber(), purchase.invoiceDate(), purchase.deliveryDate(),
        application.fault().description(), application.fault().category(),
        priority, application.serviceTypeOrDefault(), application.keepsReplacedParts(), reworkOf, entitlement, terms);
  }

  /** What routing and the staff's forms need; the rest stays in the case file. */
  private Map<String, Object> startVariables(String rmaNumber, RmaApplication application, ZonedDateTime now,
      Priority priority, Optional<UnitCover> cover, String reworkOf, RmaCase.Entitlement entitlement) {
    Map<String, Object> variables = new HashMap<>();
    var customer = application.customer();
    var purchase = application.purchase();
    RMA_NUMBER.putInto(variables, rmaNumber);
    CUSTOMER_NAME.putInto(variables, customer.name());
    CUSTOMER_CITY.putInto(variables, customer.address().city());
    CUSTOMER_PROVINCE.putInto(variables, customer.address().province());
    PRODUCT_MODEL.putInto(variables, application.product().model());
    SERIAL_NUMBER.putInto(variables, application.product().serialNumber());
    PURCHASE_CHANNEL.putInto(variables, purchase.channel());
    INVOICE_NUMBER.putInto(variables, purchase.invoiceNumber());
    INVOICE_DATE.putInto(variables, purchase.invoiceDate());
    DELIVERY_DATE.putInto(variables, purchase.deliveryDate());
    FAULT_DESCRIPTION.putInto(variables, application.fault().description());
    PRIORITY.putInto(variables, priority);
    SERVICE_TYPE.putInto(variables, application.serviceTypeOrDefault());
    KEEP_REPLACED_PARTS.putInto(variables, application.keepsReplacedParts());
    SUBMITTED_ON.putInto(variables, now.toLocalDate());
    RESPONSE_DUE_BY.putInto(variables, slaPlan.responseDue(now.toInstant(), entitlement));
    RESOLUTION_DUE_BY.putInto(variables, slaPlan.resolutionDue(now.toInstant(), priority, entitlement));
    // The warranty decision's inputs: the covering contract and where it stands, and the rework.
    CONTRACT_NUMBER.putInto(variables, cover.map(UnitCover::contractNumber).orElse(null));
    CONTRACT_STATUS.putInto(variables, cover.map(found -> found.status().name()).orElse(NO_CONTRACT));
    REWORK_OF.putInto(variables, reworkOf);
    DEVICE_SHIPPED.putInto(variables, false);
    PROOF_REQUESTED.putInto(variables, false);
    return variables;
  }
}
