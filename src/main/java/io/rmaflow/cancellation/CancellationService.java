package io.rmaflow.cancellation;

import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.support.Transactions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Cancellation by the customer (message {@code CancellationRequested}): allowed until the
 * parcel has arrived, then the centre has the device and the case runs its course.
 */
@Service
public class CancellationService {

  /** Until the parcel has arrived. */
  static final Set<CaseStatus> CANCELLABLE = EnumSet.of(
      CaseStatus.SUBMITTED, CaseStatus.IN_REMOTE_DIAGNOSIS, CaseStatus.ON_SITE_SCHEDULED, CaseStatus.AWAITING_DEVICE);

  private final CaseFile caseFile;

  /** Whether a case in this status can still be cancelled. */
  public static boolean cancellable(CaseStatus status) {
    return CANCELLABLE.contains(status);
  }
  private final CaseMessages messages;
  private final Transactions transactions;

  public CancellationService(CaseFile caseFile, CaseMessages messages, Transactions transactions) {
    this.caseFile = caseFile;
    this.messages = messages;
    this.transactions = transactions;
  }

  public void cancel(String rmaNumber, String reason) {
    transactions.retryingOnConflict(() -> {
      CaseStatus status = caseFile.get(rmaNumber).status();
      if (!CANCELLABLE.contains(status)) {
        throw new CaseNotAwaitingException(rmaNumber, Messages.CANCELLATION_REQUESTED, status == CaseStatus.CLOSED
            ? "RMA " + rmaNumber + " is already closed."
            : "RMA " + rmaNumber + " can no longer be cancelled: the parcel has arrived at the service centre.");
      }
      caseFile.recordCancellationRequest(rmaNumber, reason);
      messages.correlate(rmaNumber, Messages.CANCELLATION_REQUESTED, Map.of());
    });
  }
}
