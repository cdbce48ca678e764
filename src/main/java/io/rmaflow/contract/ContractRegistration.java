package io.rmaflow.contract;

import io.rmaflow.customer.Customer;
import io.rmaflow.process.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A service contract as the ERP registers it (contract: {@code POST /api/contracts}). The fee is
 * per billing period and net of tax (001 3); {@code paidUntil}, for a contract moved over from
 * the customer's former system, is the last day already paid.
 */
public record ContractRegistration(
    @NotNull @Valid Customer customer,
    @NotNull ContractPlan plan,
    @Size(max = 500) List<@NotBlank @Size(max = 100) String> units,
    @Size(max = 200) String system,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn,
    @NotNull Billing billing,
    @NotNull @Valid Fee fee,
    @Valid RequestedServiceLevels serviceLevels,
    LocalDate paidUntil) {

  /** The covered units, each once, in the order given. */
  public List<String> unitsOrNone() {
    return units == null ? List.of() : units.stream().map(String::trim).distinct().toList();
  }

  public record Fee(
      @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency) {}

  /** Service levels the contract states; what it leaves out is the centre's. */
  public record RequestedServiceLevels(
      @Min(1) @Max(2000) Integer responseWorkingHours,
      Map<Priority, @NotNull @Min(1) @Max(10000) Integer> resolutionWorkingHours,
      @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal availabilityTarget) {

    ServiceLevels toServiceLevels() {
      return new ServiceLevels(responseWorkingHours, resolutionWorkingHours, availabilityTarget);
    }
  }
}
