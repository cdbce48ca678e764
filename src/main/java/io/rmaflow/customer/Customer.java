package io.rmaflow.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer as an application or a contract names them: who, how to reach them, in which language, where. */
public record Customer(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 254) String email,
    @Size(max = 50) String phone,
    @Pattern(regexp = "en|zh", message = "must be en or zh") String locale,
    @NotNull @Valid Address address) {

  /** Notices and pages are in English unless the customer chose Chinese. */
  public static final String DEFAULT_LOCALE = "en";

  public String localeOrDefault() {
    return locale == null ? DEFAULT_LOCALE : locale;
  }
}
