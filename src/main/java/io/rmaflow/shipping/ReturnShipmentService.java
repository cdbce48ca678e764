package io.rmaflow.shipping;

import io.rmaflow.process.RepairMethod;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.process.Resolution;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.process.Coverage;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Return shipping (contract step 10): what goes back to the customer, and who pays the freight. */
@Service
public class ReturnShipmentService {

  public static final String CENTRE = "CENTRE";
  public static final String CUSTOMER = "CUSTOMER";

  private final CaseFile caseFile;

  public ReturnShipmentService(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  public ReturnShipment prepare(String rmaNumber) {
    RmaCase rmaCase = caseFile.get(rmaNumber);
    ReturnShipment shipment = plan(rmaCase);
    caseFile.recordReturnPlan(rmaNumber, shipment.resolution(), shipment.returnReplacedParts(), shipment.freightPaidBy());
    return shipment;
  }

  static ReturnShipment plan(RmaCase rmaCase) {
    Coverage coverage = rmaCase.warranty().coverage();
    boolean paidRepair = coverage == Coverage.PAID;
    Resolution resolution;
    if (coverage == Coverage.NO_FAULT) {
      resolution = Resolution.NO_FAULT_FOUND;
    } else if (paidRepair && rmaCase.payment().paidAt() == null) {
      resolution = Resolution.RETURNED_UNREPAIRED;
    } else if (rmaCase.replacementSerialNumber() != null || rmaCase.repairMethod() == RepairMethod.DEVICE_REPLACEMENT) {
      resolution = Resolution.REPLACED;
    } else {
      resolution = Resolution.REPAIRED;
    }
    boolean repairedForPay = paidRepair && resolution != Resolution.RETURNED_UNREPAIRED;
    // Replaced parts belong to the company, unless a paying customer asked to keep them (003 2.5).
    boolean returnParts = repairedForPay && rmaCase.keepReplacedParts();
    // The centre pays return freight for warranty work and for its own failed repairs (003 2.1).
    boolean centrePays = !paidRepair || resolution == Resolution.REPLACED && rmaCase.qualityFailures() > 0;
    return new ReturnShipment(resolution, returnParts, centrePays ? CENTRE : CUSTOMER, address(rmaCase.customer()));
  }

  private static String address(RmaCase.Customer customer) {
    return Stream.of(customer.name(), customer.line1(), customer.postalCode(), customer.city(),
            customer.province(), customer.country(), customer.phone())
        .filter(part -> part != null && !part.isBlank())
        .collect(Collectors.joining(", "));
  }

  public record ReturnShipment(
      Resolution resolution, boolean returnReplacedParts, String freightPaidBy, String address) {}
}
