package io.rmaflow.repair;

import io.rmaflow.process.RefundCause;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.RmaCase;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Refunds: what the centre returns when a case ends in one. A repair paid for is returned in
 * full; a rework returns what the customer paid for the earlier repair (service terms 001 6);
 * a warranty case without any payment returns the product's price, which finance settles
 * (post-sale policy 2.3).
 */
@Service
public class RefundService {

  private final CaseFile caseFile;

  RefundService(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** The payment a refund of this case returns: its own, else the earlier repair's for a rework. */
  public Optional<Paid> refundable(String rmaNumber) {
    RmaCase rmaCase = caseFile.get(rmaNumber);
    if (rmaCase.payment().paidAt() != null) {
      return Optional.of(new Paid(rmaNumber, rmaCase.payment()));
    }
    if (rmaCase.reworkOf() != null) {
      RmaCase earlier = caseFile.get(rmaCase.reworkOf());
      if (earlier.payment().paidAt() != null) {
        return Optional.of(new Paid(earlier.rmaNumber(), earlier.payment()));
      }
    }
    return Optional.empty();
  }

  /** A service manager approved a refund on a complaint: what was paid goes back. */
  public RmaCase.Refund approveOnComplaint(String rmaNumber) {
    return approve(rmaNumber, RefundCause.COMPLAINT);
  }

  /**
   * The case has reached its refund. One approved on a complaint stands; otherwise the device
   * failed its quality check again after replacement.
   */
  public RmaCase.Refund prepare(String rmaNumber) {
    RmaCase.Refund approved = caseFile.get(rmaNumber).refund();
    return approved != null ? approved : approve(rmaNumber, RefundCause.QUALITY_FAILED);
  }

  private RmaCase.Refund approve(String rmaNumber, RefundCause cause) {
    RmaCase.Refund refund = refundable(rmaNumber)
        .map(paid -> new RmaCase.Refund(cause, paid.payment().amount(), paid.payment().currency(), paid.rmaNumber()))
        .orElseGet(() -> new RmaCase.Refund(cause, null, null, null));
    caseFile.recordRefundApproved(rmaNumber, refund);
    return refund;
  }

  /** A payment a refund can return, and the case it paid for. */
  public record Paid(String rmaNumber, RmaCase.Payment payment) {}
}
