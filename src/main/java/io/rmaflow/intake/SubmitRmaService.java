package io.rmaflow.intake;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.RmaProcess;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.NewCase;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.sla.SlaPlan;
import io.rmaflow.support.RmaClock;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.rmaflow.support.IdempotencyConflictException;

/**
 * Accepts a repair application: files the case under a new RMA number and starts its
 * lifecycle, in one transaction, so that either both exist or neither does. With an
 * idempotency key, the same application sent again returns the case it created.
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

  public SubmitRmaService(CaseFile caseFile, RmaNumberGenerator numbers,
      RuntimeService runtimeService, Validator validator, RmaClock clock, JdbcClient jdbc,
      TransactionTemplate transaction, SlaPlan slaPlan) {
    this.caseFile = caseFile;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.clock = clock;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.slaPlan = slaPlan;
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
   * @throws IdempotencyConflictException when the key was used for another application
   */
  public Submission submit(RmaApplication application, String idempotencyKey) {
    var violations = validator.validate(application);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    if (idempotencyKey == null) {
      return new Submission(transaction.execute(status -> file(application)), true);
    }
    String requestHash = hash(application);
    Optional<Submission> earlier = replay(idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> {
        String rmaNumber = file(application);
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

  private String file(RmaApplication application) {
    String serialNumber = application.product().serialNumber();
    if (caseFile.openCaseFor(serialNumber).isPresent()) {
      throw new DuplicateOpenRmaException(serialNumber);
    }
    ZonedDateTime now = clock.now();
    String rmaNumber = numbers.next(Year.from(now));
    try {
      caseFile.open(newCase(rmaNumber, application, now));
    } catch (DuplicateKeyException concurrentSubmission) {
      throw new DuplicateOpenRmaException(serialNumber);
    }
    runtimeService.startProcessInstanceByKey(RmaProcess.KEY, rmaNumber, startVariables(rmaNumber, application, now));
    return rmaNumber;
  }

  /** Records print every field, nested ones included, so equal applications hash equally. */
  private static String hash(RmaApplication application) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(application.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static NewCase newCase(String rmaNumber, RmaApplication application, ZonedDateTime now) {
    var customer = application.customer();
    var address = customer.address();
    var purchase = application.purchase();
    return new NewCase(rmaNumber, now.toOffsetDateTime(),
        new RmaCase.Customer(customer.name(), customer.email(), customer.phone(), customer.localeOrDefault(),
            address.line1(), address.city(), address.province(), address.postalCode(), address.country()),
        application.product().model(), application.product().serialNumber(),
        purchase.channel(), purchase.invoiceNumber(), purchase.invoiceDate(), purchase.deliveryDate(),
        application.fault().description(), application.fault().category(),
        application.priorityOrDefault(), application.serviceTypeOrDefault(), application.keepsReplacedParts());
  }

  /** What routing and the staff's forms need; the rest stays in the case file. */
  private Map<String, Object> startVariables(String rmaNumber, RmaApplication application, ZonedDateTime now) {
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
    PRIORITY.putInto(variables, application.priorityOrDefault());
    SERVICE_TYPE.putInto(variables, application.serviceTypeOrDefault());
    KEEP_REPLACED_PARTS.putInto(variables, application.keepsReplacedParts());
    SUBMITTED_ON.putInto(variables, now.toLocalDate());
    RESPONSE_DUE_BY.putInto(variables, slaPlan.responseDue(now.toInstant()));
    RESOLUTION_DUE_BY.putInto(variables, slaPlan.resolutionDue(now.toInstant(), application.priorityOrDefault()));
    DEVICE_SHIPPED.putInto(variables, false);
    PROOF_REQUESTED.putInto(variables, false);
    return variables;
  }
}
