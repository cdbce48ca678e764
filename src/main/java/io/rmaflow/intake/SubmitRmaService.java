package io.rmaflow.intake;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.RmaProcess;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.rmacase.NewCase;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.RmaCaseRepository;
import io.rmaflow.support.RmaClock;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a repair application: files the case under a new RMA number and starts its
 * lifecycle, in one transaction, so that either both exist or neither does.
 */
@Service
public class SubmitRmaService {

  private final RmaCaseRepository cases;
  private final CaseFile caseFile;
  private final RmaNumberGenerator numbers;
  private final RuntimeService runtimeService;
  private final Validator validator;
  private final RmaClock clock;

  public SubmitRmaService(RmaCaseRepository cases, CaseFile caseFile, RmaNumberGenerator numbers,
      RuntimeService runtimeService, Validator validator, RmaClock clock) {
    this.cases = cases;
    this.caseFile = caseFile;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * @throws ConstraintViolationException when the application is invalid
   * @throws DuplicateOpenRmaException when the serial number has an open RMA
   */
  @Transactional
  public String submit(RmaApplication application) {
    var violations = validator.validate(application);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    String serialNumber = application.product().serialNumber();
    if (cases.findOpenCaseFor(serialNumber).isPresent()) {
      throw new DuplicateOpenRmaException(serialNumber);
    }
    ZonedDateTime now = clock.now();
    String rmaNumber = numbers.next(Year.from(now));
    try {
      cases.insert(newCase(rmaNumber, application, now));
    } catch (DuplicateKeyException concurrentSubmission) {
      throw new DuplicateOpenRmaException(serialNumber);
    }
    caseFile.record(rmaNumber, "STATUS_CHANGED", CaseStatus.SUBMITTED.name());
    runtimeService.startProcessInstanceByKey(RmaProcess.KEY, rmaNumber, startVariables(rmaNumber, application, now));
    return rmaNumber;
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
  private static Map<String, Object> startVariables(String rmaNumber, RmaApplication application, ZonedDateTime now) {
    Map<String, Object> variables = new HashMap<>();
    var customer = application.customer();
    var purchase = application.purchase();
    RMA_NUMBER.putInto(variables, rmaNumber);
    CUSTOMER_NAME.putInto(variables, customer.name());
    CUSTOMER_LOCALE.putInto(variables, customer.localeOrDefault());
    CUSTOMER_CITY.putInto(variables, customer.address().city());
    CUSTOMER_PROVINCE.putInto(variables, customer.address().province());
    PRODUCT_MODEL.putInto(variables, application.product().model());
    SERIAL_NUMBER.putInto(variables, application.product().serialNumber());
    PURCHASE_CHANNEL.putInto(variables, purchase.channel());
    INVOICE_NUMBER.putInto(variables, purchase.invoiceNumber());
    INVOICE_DATE.putInto(variables, purchase.invoiceDate());
    DELIVERY_DATE.putInto(variables, purchase.deliveryDate());
    FAULT_DESCRIPTION.putInto(variables, application.fault().description());
    FAULT_CATEGORY.putInto(variables, application.fault().category());
    PRIORITY.putInto(variables, application.priorityOrDefault());
    SERVICE_TYPE.putInto(variables, application.serviceTypeOrDefault());
    KEEP_REPLACED_PARTS.putInto(variables, application.keepsReplacedParts());
    SUBMITTED_ON.putInto(variables, now.toLocalDate());
    DEVICE_SHIPPED.putInto(variables, false);
    PROOF_REQUESTED.putInto(variables, false);
    return variables;
  }
}
