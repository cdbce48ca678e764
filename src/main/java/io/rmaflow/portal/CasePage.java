package io.rmaflow.portal;

import io.rmaflow.cancellation.CancellationService;
import io.rmaflow.process.ServiceType;
import io.rmaflow.rmacase.CaseDetails;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.rmacase.TimelineEntry;
import io.rmaflow.rmacase.TimelineEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a case's page shows and offers: the case, what the customer must do and by when, and
 * exactly the actions the case waits for now.
 */
public record CasePage(RmaCase rmaCase, List<Todo> todos, Set<Action> actions, List<Notice> notices) {

  /** What the customer can do from the page. */
  public enum Action {
    SHIPMENT, PROOF, QUOTE, CANCELLATION, COMPLAINT, FEEDBACK
  }

  /** Something the customer must do, and by when. */
  public record Todo(String key, OffsetDateTime dueBy) {}

  /** A notice the customer was sent. */
  public record Notice(OffsetDateTime at, String type, boolean sent) {}

  static CasePage of(CaseDetails details) {
    RmaCase rma = details.rmaCase();
    CaseStatus status = rma.status();
    List<TimelineEntry> timeline = details.timeline();
    boolean shipped = rma.inboundTrackingNumber() != null;
    boolean quoteAccepted = timeline.stream().anyMatch(entry -> entry.event().equals(TimelineEvent.QUOTE_ACCEPTED.name()));
    boolean feedbackGiven = timeline.stream().anyMatch(entry -> entry.event().equals(TimelineEvent.FEEDBACK.name()));
    Set<Action> actions = EnumSet.noneOf(Action.class);
    List<Todo> todos = new ArrayList<>();
    if (status == CaseStatus.AWAITING_DEVICE && !shipped && rma.serviceType() == ServiceType.MAIL_IN) {
      actions.add(Action.SHIPMENT);
      todos.add(new Todo("portal.todo.ship", details.deadlines().shipBy()));
    }
    if (status == CaseStatus.AWAITING_PROOF) {
      actions.add(Action.PROOF);
      todos.add(new Todo("portal.todo.proof", details.deadlines().proofDueBy()));
    }
    if (status == CaseStatus.AWAITING_PAYMENT) {
      if (!quoteAccepted) {
        actions.add(Action.QUOTE);
      }
      todos.add(new Todo("portal.todo.pay", details.deadlines().paymentDueBy()));
    }
    if (CancellationService.cancellable(status)) {
      actions.add(Action.CANCELLATION);
    }
    if (status != CaseStatus.CLOSED) {
      actions.add(Action.COMPLAINT);
    } else if (!feedbackGiven) {
      actions.add(Action.FEEDBACK);
    }
    List<Notice> notices = timeline.stream().filter(entry -> entry.event().equals(TimelineEvent.NOTICE.name()) && entry.detail() != null)
        .map(entry -> new Notice(entry.time(), entry.detail().split(" ")[0], entry.detail().endsWith(" sent")))
        .toList();
    return new CasePage(rma, List.copyOf(todos), actions, notices);
  }

  public boolean offers(String action) {
    return actions.contains(Action.valueOf(action));
  }
}
