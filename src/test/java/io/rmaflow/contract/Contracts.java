package io.rmaflow.contract;

import io.rmaflow.customer.Address;
import io.rmaflow.customer.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Service contract registrations for tests; each covers a unit of its own unless told otherwise. */
public final class Contracts {

  private static final AtomicInteger UNITS = new AtomicInteger();

  private Contracts() {}

  public static String newUnit() {
    return "SN-CT-%05d".formatted(UNITS.incrementAndGet());
  }

  public static ContractRegistration maintenance(Billing billing, LocalDate startsOn, LocalDate endsOn, String fee,
      LocalDate paidUntil) {
    return registration(ContractPlan.MAINTENANCE, List.of(newUnit()), null, billing, startsOn, endsOn, fee, paidUntil);
  }

  public static ContractRegistration registration(ContractPlan plan, List<String> units, String system, Billing billing,
      LocalDate startsOn, LocalDate endsOn, String fee, LocalDate paidUntil) {
    return registration(customer("it@example.com", "zh"), plan, units, system, billing, startsOn, endsOn, fee, paidUntil);
  }

  public static ContractRegistration registration(Customer customer, ContractPlan plan, List<String> units, String system,
      Billing billing, LocalDate startsOn, LocalDate endsOn, String fee, LocalDate paidUntil) {
    return new ContractRegistration(customer, plan, units, system, startsOn, endsOn, billing,
        new ContractRegistration.Fee(new BigDecimal(fee), "CNY"), null, paidUntil);
  }

  /** The IT department of a company in Beijing. */
  public static Customer customer(String email, String locale) {
    return new Customer("Chen Jie", email, "+86 10 0000 0000", locale,
        new Address("5 Chang'an Ave", "Beijing", "Beijing", "100000", "CN"));
  }
}
