package io.rmaflow.intake;

import io.rmaflow.customer.Customer;
import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.SalesChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A customer's repair application, as submitted online (contract: {@code POST /api/rmas}). It
 * may name the service contract the unit is under; that contract must cover the unit.
 */
public record RmaApplication(
    @NotNull @Valid Customer customer,
    @NotNull @Valid Product product,
    @NotNull @Valid Purchase purchase,
    @NotNull @Valid Fault fault,
    Priority priority,
    ServiceType serviceType,
    Boolean keepReplacedParts,
    @NotNull @Valid Acknowledgements acknowledgements,
    @Pattern(regexp = "SC-\\d{4}-\\d{6}", message = "must be a contract number such as SC-2026-000001") String contractNumber) {

  /** An application that names no service contract: the unit's own cover is looked up. */
  public RmaApplication(Customer customer, Product product, Purchase purchase, Fault fault, Priority priority,
      ServiceType serviceType, Boolean keepReplacedParts, Acknowledgements acknowledgements) {
    this(customer, product, purchase, fault, priority, serviceType, keepReplacedParts, acknowledgements, null);
  }

  public Priority priorityOrDefault() {
    return Priority.orDefault(priority);
  }

  public ServiceType serviceTypeOrDefault() {
    return serviceType == null ? ServiceType.MAIL_IN : serviceType;
  }

  public boolean keepsReplacedParts() {
    return Boolean.TRUE.equals(keepReplacedParts);
  }

  public record Product(
      @NotBlank @Size(max = 100) String model,
      @NotBlank @Size(max = 100) String serialNumber) {}

  public record Purchase(
      @NotNull SalesChannel channel,
      @Size(max = 100) String invoiceNumber,
      @PastOrPresent LocalDate invoiceDate,
      @PastOrPresent LocalDate deliveryDate) {}

  public record Fault(
      @NotBlank @Size(max = 2000) String description,
      @Size(max = 50) String category) {}

  /** The customer confirms the service terms' preparations (service agreement 3.1, 3.2). */
  public record Acknowledgements(
      @NotNull @AssertTrue(message = "data must be backed up before sending the device") Boolean dataBackedUp,
      @NotNull @AssertTrue(message = "passwords must be removed before sending the device") Boolean passwordsRemoved) {}
}
