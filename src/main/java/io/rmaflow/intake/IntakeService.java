package io.rmaflow.intake;

import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.ProductRegistry;
import io.rmaflow.product.ProductUnit;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.RmaCase;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Intake (contract step 1): is the product eligible for this service? */
@Service
public class IntakeService {

  private final CaseFile caseFile;
  private final ProductRegistry registry;

  public IntakeService(CaseFile caseFile, ProductRegistry registry) {
    this.caseFile = caseFile;
    this.registry = registry;
  }

  /**
   * Only products bought through an official channel are served (service agreement 1.2).
   * When the ERP registered the unit, its channel counts over the customer's statement; a
   * unit missing from the registry counts as a device.
   */
  public Eligibility checkEligibility(String rmaNumber) {
    RmaCase rmaCase = caseFile.get(rmaNumber);
    Optional<ProductUnit> unit = registry.find(rmaCase.serialNumber());
    SalesChannel channel = unit.map(ProductUnit::channel).orElse(rmaCase.purchaseChannel());
    ProductCategory category = unit.map(ProductUnit::category).orElse(ProductCategory.DEVICE);
    boolean eligible = channel.isOfficial();
    String reason = eligible
        ? "Bought through " + channel
        : "Bought through " + channel + "; only products bought through official channels are serviced";
    caseFile.recordEligibility(rmaNumber, category,
        (eligible ? "Eligible: " : "Not eligible: ") + reason + (unit.isPresent() ? " (registered unit)" : " (unit not registered)"));
    return new Eligibility(eligible, reason, category, unit.isPresent(), unit.map(ProductUnit::shippedOn).orElse(null));
  }
}
