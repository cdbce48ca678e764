package io.rmaflow.warranty;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Between the decision tables: from the warranty's basis and length to its dates. */
@Component
public class CalculateWarrantyPeriodDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    WarrantyPeriod period = WarrantyPeriod.calculate(
        WARRANTY_BASIS.get(execution), WARRANTY_MONTHS.get(execution),
        INVOICE_DATE.get(execution), DELIVERY_DATE.get(execution), SHIPMENT_DATE.get(execution),
        SUBMITTED_ON.get(execution));
    WARRANTY_START.set(execution, period.start());
    WARRANTY_END.set(execution, period.end());
    IN_WARRANTY.set(execution, period.inWarranty());
  }
}
