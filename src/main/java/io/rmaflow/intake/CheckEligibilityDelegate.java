package io.rmaflow.intake;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckEligibilityDelegate implements JavaDelegate {

  private final IntakeService intake;

  public CheckEligibilityDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Eligibility eligibility = intake.checkEligibility(execution.getProcessBusinessKey());
    ELIGIBLE.set(execution, eligibility.eligible());
    PRODUCT_CATEGORY.set(execution, eligibility.productCategory());
    SHIPMENT_DATE.set(execution, eligibility.shipmentDate());
  }
}
