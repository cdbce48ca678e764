package io.rmaflow.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; city and country are what the centre needs at least (on-site visits, reports). */
public record Address(
    @Size(max = 200) String line1,
    @NotBlank @Size(max = 100) String city,
    @Size(max = 100) String province,
    @Size(max = 20) String postalCode,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country) {}
