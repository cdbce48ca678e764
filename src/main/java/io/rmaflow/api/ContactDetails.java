package io.rmaflow.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Customers' contact details through the API (ADR 20): in full for machine clients, which
 * send the notices and parcels, and for administrators; masked for staff and process owners,
 * whose work shows what they need on their task's form. Names, cities and provinces stay, as
 * Tasklist shows them too.
 */
final class ContactDetails {

  static final String HIDDEN = "•••";

  private final boolean shown;

  private ContactDetails(boolean shown) {
    this.shown = shown;
  }

  /** For the caller of this request. */
  static ContactDetails forCaller() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    boolean shown = caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(role -> role.equals("ROLE_" + ApiRoles.API_CLIENT) || role.equals("ROLE_" + ApiRoles.ADMIN));
    return new ContactDetails(shown);
  }

  /** {@code li.wei@example.com} → {@code l•••@example.com}: who it is, not how to reach them. */
  String email(String email) {
    if (shown || email == null) {
      return email;
    }
    int at = email.indexOf('@');
    return at <= 0 ? HIDDEN : email.charAt(0) + HIDDEN + email.substring(at);
  }

  /** The last two digits only. */
  String phone(String phone) {
    if (shown || phone == null) {
      return phone;
    }
    String digits = phone.replaceAll("\\D", "");
    return HIDDEN + (digits.length() > 4 ? digits.substring(digits.length() - 2) : "");
  }

  /** A street or postal code: hidden. */
  String line(String line) {
    return shown || line == null ? line : HIDDEN;
  }

  io.rmaflow.customer.Customer customer(io.rmaflow.customer.Customer customer) {
    if (shown || customer == null) {
      return customer;
    }
    var address = customer.address();
    return new io.rmaflow.customer.Customer(customer.name(), email(customer.email()), phone(customer.phone()),
        customer.locale(), address == null ? null : new io.rmaflow.customer.Address(line(address.line1()),
            address.city(), address.province(), line(address.postalCode()), address.country()));
  }
}
