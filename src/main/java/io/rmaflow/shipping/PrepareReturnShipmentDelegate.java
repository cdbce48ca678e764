package io.rmaflow.shipping;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class PrepareReturnShipmentDelegate implements JavaDelegate {

  private final ReturnShipmentService returns;

  public PrepareReturnShipmentDelegate(ReturnShipmentService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReturnShipmentService.ReturnShipment shipment = returns.prepare(execution.getProcessBusinessKey());
    RESOLUTION.set(execution, shipment.resolution());
    RETURN_REPLACED_PARTS.set(execution, shipment.returnReplacedParts());
    RETURN_FREIGHT_PAID_BY.set(execution, shipment.freightPaidBy());
    RETURN_ADDRESS.set(execution, shipment.address());
  }
}
