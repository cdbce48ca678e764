package io.rmaflow.rmacase;

import io.rmaflow.process.Coverage;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RefundCause;
import io.rmaflow.process.Resolution;
import io.rmaflow.process.ServiceType;
import io.rmaflow.process.WarrantyBasis;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.SalesChannel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** A case as kept in our own table: the business record behind one process instance. */
public record RmaCase(
    String rmaNumber,
    CaseStatus status,
    Resolution resolution,
    OffsetDateTime createdAt,
    OffsetDateTime closedAt,
    Customer customer,
    String productModel,
    String serialNumber,
    ProductCategory productCategory,
    SalesChannel purchaseChannel,
    String invoiceNumber,
    LocalDate invoiceDate,
    LocalDate deliveryDate,
    String faultDescription,
    String faultCategory,
    Priority priority,
    ServiceType serviceType,
    boolean keepReplacedParts,
    OffsetDateTime shipBy,
    OffsetDateTime autoCloseAt,
    String inboundCarrier,
    String inboundTrackingNumber,
    String parcelCondition,
    Warranty warranty,
    Quote quote,
    Payment payment,
    io.rmaflow.process.RepairMethod repairMethod,
    String replacedParts,
    int qualityFailures,
    String replacementSerialNumber,
    String refundReference,
    Boolean returnReplacedParts,
    String returnFreightPaidBy,
    String returnCarrier,
    String returnTrackingNumber,
    String reworkOf,
    Entitlement entitlement,
    Refund refund,
    TermsAcceptance termsAccepted) {

  public record Customer(
      String name, String email, String phone, String locale,
      String line1, String city, String province, String postalCode, String country) {}

  public record Warranty(
      String faultCause, Coverage coverage, WarrantyBasis basis,
      LocalDate start, LocalDate end, String reason, OffsetDateTime proofDueBy) {}

  public record Quote(
      BigDecimal net, BigDecimal tax, BigDecimal gross, String currency,
      OffsetDateTime notifiedAt, OffsetDateTime paymentDueBy) {}

  public record Payment(String reference, BigDecimal amount, String currency, OffsetDateTime paidAt) {}

  /**
   * The service contract the case was entitled by at intake, with the service levels it
   * promised then: first response and resolution in working hours, availability in percent.
   */
  public record Entitlement(String contractNumber, String plan, String status, Integer responseWorkingHours,
      Map<Priority, Integer> resolutionWorkingHours, BigDecimal availabilityTarget) {

    public Entitlement {
      resolutionWorkingHours = resolutionWorkingHours == null ? Map.of() : Map.copyOf(resolutionWorkingHours);
    }
  }

  /**
   * A refund the centre owes on the case: why, and what the customer paid that it returns, the
   * payment of {@code paymentOf} (this case, or the earlier one a rework returns to). Without a
   * payment to return, the amount is the product's price, which finance settles.
   */
  public record Refund(RefundCause cause, BigDecimal amount, String currency, String paymentOf) {}
}
