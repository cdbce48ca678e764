package io.rmaflow.portal;

import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.SalesChannel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The application form as the browser sends it: every field of {@code POST /api/rmas}, flat
 * and as text, so that a form sent back for correction shows what the customer typed. The
 * application's own rules judge it once it is made into one.
 */
public class ApplicationForm {

  private String name = "";
  private String email = "";
  private String phone = "";
  private String locale = "en";
  private String line1 = "";
  private String city = "";
  private String province = "";
  private String postalCode = "";
  private String country = "CN";
  private String model = "";
  private String serialNumber = "";
  private String channel = SalesChannel.OFFICIAL_STORE.name();
  private String invoiceNumber = "";
  private String invoiceDate = "";
  private String deliveryDate = "";
  private String faultDescription = "";
  private String faultCategory = "";
  private String priority = Priority.DEFAULT.name();
  private String serviceType = ServiceType.MAIL_IN.name();
  private boolean keepReplacedParts;
  private boolean dataBackedUp;
  private boolean passwordsRemoved;
  private boolean termsAccepted;
  private String contractNumber = "";

  /** The application; fields that cannot be read (a date typed wrong) are named in {@code unreadable}. */
  RmaApplication toApplication(java.util.List<String> unreadable) {
    return new RmaApplication(
        new Customer(name.strip(), email.strip(), blankToNull(phone), locale,
            new Address(blankToNull(line1), city.strip(), blankToNull(province), blankToNull(postalCode), country.strip())),
        new RmaApplication.Product(model.strip(), serialNumber.strip()),
        new RmaApplication.Purchase(enumOf(SalesChannel.class, channel, "purchase.channel", unreadable),
            blankToNull(invoiceNumber), date(invoiceDate, "purchase.invoiceDate", unreadable),
            date(deliveryDate, "purchase.deliveryDate", unreadable)),
        new RmaApplication.Fault(faultDescription.strip(), blankToNull(faultCategory)),
        enumOf(Priority.class, priority, "priority", unreadable), enumOf(ServiceType.class, serviceType, "serviceType",
            unreadable),
        keepReplacedParts, new RmaApplication.Acknowledgements(dataBackedUp, passwordsRemoved),
        blankToNull(contractNumber));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static LocalDate date(String text, String field, java.util.List<String> unreadable) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      unreadable.add(field);
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field, java.util.List<String> unreadable) {
    try {
      return text == null || text.isBlank() ? null : Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      unreadable.add(field);
      return null;
    }
  }

  // Bean properties, as Spring's form binding and Thymeleaf's th:field use them.

  public String getName() { return name; }
  public void setName(String name) { this.name = orEmpty(name); }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = orEmpty(email); }
  public String getPhone() { return phone; }
  public void setPhone(String phone) { this.phone = orEmpty(phone); }
  public String getLocale() { return locale; }
  public void setLocale(String locale) { this.locale = orEmpty(locale); }
  public String getLine1() { return line1; }
  public void setLine1(String line1) { this.line1 = orEmpty(line1); }
  public String getCity() { return city; }
  public void setCity(String city) { this.city = orEmpty(city); }
  public String getProvince() { return province; }
  public void setProvince(String province) { this.province = orEmpty(province); }
  public String getPostalCode() { return postalCode; }
  public void setPostalCode(String postalCode) { this.postalCode = orEmpty(postalCode); }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = orEmpty(country); }
  public String getModel() { return model; }
  public void setModel(String model) { this.model = orEmpty(model); }
  public String getSerialNumber() { return serialNumber; }
  public void setSerialNumber(String serialNumber) { this.serialNumber = orEmpty(serialNumber); }
  public String getChannel() { return channel; }
  public void setChannel(String channel) { this.channel = orEmpty(channel); }
  public String getInvoiceNumber() { return invoiceNumber; }
  public void setInvoiceNumber(String invoiceNumber) { this.invoiceNumber = orEmpty(invoiceNumber); }
  public String getInvoiceDate() { return invoiceDate; }
  public void setInvoiceDate(String invoiceDate) { this.invoiceDate = orEmpty(invoiceDate); }
  public String getDeliveryDate() { return deliveryDate; }
  public void setDeliveryDate(String deliveryDate) { this.deliveryDate = orEmpty(deliveryDate); }
  public String getFaultDescription() { return faultDescription; }
  public void setFaultDescription(String faultDescription) { this.faultDescription = orEmpty(faultDescription); }
  public String getFaultCategory() { return faultCategory; }
  public void setFaultCategory(String faultCategory) { this.faultCategory = orEmpty(faultCategory); }
  public String getPriority() { return priority; }
  public void setPriority(String priority) { this.priority = orEmpty(priority); }
  public String getServiceType() { return serviceType; }
  public void setServiceType(String serviceType) { this.serviceType = orEmpty(serviceType); }
  public boolean isKeepReplacedParts() { return keepReplacedParts; }
  public void setKeepReplacedParts(boolean keepReplacedParts) { this.keepReplacedParts = keepReplacedParts; }
  public boolean isDataBackedUp() { return dataBackedUp; }
  public void setDataBackedUp(boolean dataBackedUp) { this.dataBackedUp = dataBackedUp; }
  public boolean isPasswordsRemoved() { return passwordsRemoved; }
  public void setPasswordsRemoved(boolean passwordsRemoved) { this.passwordsRemoved = passwordsRemoved; }
  public boolean isTermsAccepted() { return termsAccepted; }
  public void setTermsAccepted(boolean termsAccepted) { this.termsAccepted = termsAccepted; }
  public String getContractNumber() { return contractNumber; }
  public void setContractNumber(String contractNumber) { this.contractNumber = orEmpty(contractNumber); }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
