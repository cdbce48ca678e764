package io.rmaflow.process;

import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.product.SalesChannel;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Repair applications for tests; each gets its own serial number unless one is given. */
public final class Applications {

  private static final AtomicInteger SERIALS = new AtomicInteger();

  private Applications() {}

  public static String newSerial() {
    return "SN-TEST-%05d".formatted(SERIALS.incrementAndGet());
  }

  public static RmaApplication withInvoice(LocalDate invoiceDate) {
    return application(newSerial(), SalesChannel.OFFICIAL_STORE, invoiceDate, invoiceDate, false);
  }

  public static RmaApplication application(
      String serial, SalesChannel channel, LocalDate invoiceDate, LocalDate deliveryDate, boolean keepParts) {
    return new RmaApplication(
        new Customer("Li Wei", "li.wei@example.com", "+86 138 0000 0000", "zh",
            new Address("1 Nanjing Rd", "Shanghai", "Shanghai", "200001", "CN")),
        new RmaApplication.Product("X200", serial),
        new RmaApplication.Purchase(channel, invoiceDate == null ? null : "INV-88", invoiceDate, deliveryDate),
        new RmaApplication.Fault("Does not power on", "POWER"),
        Priority.MEDIUM, ServiceType.MAIL_IN, keepParts,
        new RmaApplication.Acknowledgements(true, true));
  }
}
