package io.rmaflow.api;

import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.SalesChannel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Request bodies of the domain API's event and registry calls. */
final class Requests {

  /** Pages beyond this are refused: with 100 per page it is past every centre's ten million cases. */
  static final int MAX_PAGE = 100_000;

  /** Serial numbers as they are printed on units: letters, digits and a few separators, no spaces. */
  static final String SERIAL_NUMBER = "[A-Za-z0-9][A-Za-z0-9._/-]{0,99}";

  private Requests() {}

  record ShipmentReport(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {}

  record ArrivalReport(@NotBlank @Size(max = 100) String trackingNumber) {}

  record ProofOfPurchase(
      @NotBlank @Size(max = 100) String invoiceNumber,
      @NotNull @PastOrPresent LocalDate invoiceDate,
      @PastOrPresent LocalDate deliveryDate) {}

  record QuoteDecision(@NotNull Boolean accepted) {}

  record PaymentNotice(
      @NotBlank @Size(max = 100) String reference,
      @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency) {}

  record Complaint(@NotBlank @Size(max = 2000) String text) {}

  record Cancellation(@NotBlank @Size(max = 500) String reason) {}

  record Feedback(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {}

  record Renewal(@NotNull Boolean renew) {}

  record Extension(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate until) {}

  /** An outage of a support contract's system; without {@code endedAt} it is still going on. */
  record OutageReport(@NotNull OffsetDateTime startedAt, OffsetDateTime endedAt,
      @NotBlank @Size(max = 500) String description) {}

  /** The end of an open outage; without {@code endedAt}, now. */
  record OutageEnd(OffsetDateTime endedAt) {}

  record ProductRegistration(
      @NotBlank @Size(max = 100) String model,
      @NotNull ProductCategory category,
      @PastOrPresent LocalDate shippedOn,
      @NotNull SalesChannel channel) {}
}
