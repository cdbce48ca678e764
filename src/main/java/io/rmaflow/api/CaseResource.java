package io.rmaflow.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rmaflow.process.Coverage;
import io.rmaflow.process.Priority;
import io.rmaflow.process.Resolution;
import io.rmaflow.process.ServiceType;
import io.rmaflow.process.WarrantyBasis;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.rmacase.CaseDetails;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.TimelineEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A case as the API shows it (contract: case body of {@code GET /api/rmas/{rmaNumber}}). Money is a decimal string. */
public record CaseResource(
    String rmaNumber,
    CaseStatus status,
    Resolution resolution,
    OffsetDateTime createdAt,
    Customer customer,
    Product product,
    Priority priority,
    ServiceType serviceType,
    boolean keepReplacedParts,
    Deadlines deadlines,
    Warranty warranty,
    Quote quote,
    Payment payment,
    Shipments shipments,
    Entitlement entitlement,
    String reworkOf,
    TermsAccepted termsAccepted,
    Links links,
    List<TimelineEntry> timeline) {

  public record Customer(String name, String email, String phone, String locale, Address address) {}

  public record Address(String line1, String city, String province, String postalCode, String country) {}

  public record Product(String model, String serialNumber, ProductCategory category) {}

  public record Deadlines(OffsetDateTime responseDueBy, OffsetDateTime shipBy, OffsetDateTime autoCloseAt,
      OffsetDateTime proofDueBy, OffsetDateTime paymentDueBy, List<CaseDetails.TaskDeadline> tasks) {}

  public record Warranty(Coverage coverage, LocalDate warrantyStart, LocalDate warrantyEnd, WarrantyBasis basis,
      String reason) {}

  public record Quote(String net, String tax, String gross, String currency, OffsetDateTime notifiedAt) {}

  public record Payment(String reference, String amount, String currency, OffsetDateTime receivedAt) {}

  /** The device's way in and its way back ({@code return} in JSON). */
  public record Shipments(Shipment inbound, @JsonProperty("return") Shipment returned) {}

  public record Shipment(String carrier, String trackingNumber) {}

  /** The service agreement the customer accepted on the case's application page. */
  public record TermsAccepted(String version, OffsetDateTime at) {}

  /** {@code customerPage}: the case's own page for the customer (absolute; it carries the access token). */
  public record Links(String customerPage) {}

  /** The service contract that entitled the case at intake, and the service levels it promised. */
  public record Entitlement(String contractNumber, String plan, String status, ServiceLevels serviceLevels) {}

  public record ServiceLevels(Integer responseWorkingHours, Map<Priority, Integer> resolutionWorkingHours,
      String availabilityTarget) {}

  static CaseResource of(CaseDetails details, String customerPage, ContactDetails contact) {
    RmaCase c = details.rmaCase();
    RmaCase.Customer customer = c.customer();
    CaseDetails.Deadlines deadlines = details.deadlines();
    RmaCase.Warranty warranty = c.warranty();
    return new CaseResource(
        c.rmaNumber(), c.status(), c.resolution(), c.createdAt(),
        new Customer(customer.name(), contact.email(customer.email()), contact.phone(customer.phone()), customer.locale(),
            new Address(contact.line(customer.line1()), customer.city(), customer.province(),
                contact.line(customer.postalCode()), customer.country())),
        new Product(c.productModel(), c.serialNumber(), c.productCategory()),
        c.priority(), c.serviceType(), c.keepReplacedParts(),
        new Deadlines(deadlines.responseDueBy(), deadlines.shipBy(), deadlines.autoCloseAt(), deadlines.proofDueBy(), deadlines.paymentDueBy(),
            deadlines.tasks()),
        warranty.coverage() == null ? null
            : new Warranty(warranty.coverage(), warranty.start(), warranty.end(),
                warranty.basis() == WarrantyBasis.NONE ? null : warranty.basis(), warranty.reason()),
        c.quote().gross() == null ? null
            : new Quote(money(c.quote().net()), money(c.quote().tax()), money(c.quote().gross()), c.quote().currency(),
                c.quote().notifiedAt()),
        c.payment().paidAt() == null ? null
            : new Payment(c.payment().reference(), money(c.payment().amount()), c.payment().currency(), c.payment().paidAt()),
        new Shipments(
            c.inboundTrackingNumber() == null ? null : new Shipment(c.inboundCarrier(), c.inboundTrackingNumber()),
            c.returnTrackingNumber() == null ? null : new Shipment(c.returnCarrier(), c.returnTrackingNumber())),
        entitlement(c.entitlement()), c.reworkOf(),
        c.termsAccepted() == null ? null : new TermsAccepted(c.termsAccepted().version(), c.termsAccepted().at()),
        new Links(customerPage),
        details.timeline());
  }

  private static Entitlement entitlement(RmaCase.Entitlement entitlement) {
    return entitlement == null ? null : new Entitlement(entitlement.contractNumber(), entitlement.plan(),
        entitlement.status(), new ServiceLevels(entitlement.responseWorkingHours(), entitlement.resolutionWorkingHours(),
            entitlement.availabilityTarget() == null ? null : entitlement.availabilityTarget().toPlainString()));
  }

  static String money(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }
}
