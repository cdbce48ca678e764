package io.rmaflow.intake;

import io.rmaflow.customer.Customer;
import io.rmaflow.product.SalesChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;

/** A customer's repair application, as submitted online (contract: {@code POST /api/rmas}). */
public record RmaApplication(
    @NotNull @Valid Customer customer,
    @NotNull @Valid Product product,
    @NotNull @Valid Purchase purchase,
    @NotNull @Valid Fault fault,
    Priority priority,
    ServiceType serviceType,
    Boolean keepReplacedParts,
    @NotNull @Valid Acknowledgements acknowledgements) {

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
