package io.rmaflow.shipping;

import static io.rmaflow.process.RmaProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RecordInboundShipmentDelegate implements JavaDelegate {

  private final ShipInService shipIn;

  public RecordInboundShipmentDelegate(ShipInService shipIn) {
    this.shipIn = shipIn;
  }

  @Override
  public void execute(DelegateExecution execution) {
    shipIn.recordInboundShipment(
        execution.getProcessBusinessKey(), INBOUND_CARRIER.get(execution), INBOUND_TRACKING_NUMBER.get(execution));
    DEVICE_SHIPPED.set(execution, true);
  }
}
