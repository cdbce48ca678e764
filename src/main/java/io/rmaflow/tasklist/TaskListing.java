package io.rmaflow.tasklist;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.process.Priority;
import io.rmaflow.process.RefundCause;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.rmacase.CaseDocument;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.ProcessVariable;
import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes a new task readable in Tasklist's list. Staff may read their tasks but not whole
 * process instances, so the facts the list shows (RMA number, customer, product, priority; a
 * contract's number, customer and plan) are copied onto the task itself; and a case's task
 * priority follows the case's, so sorting by priority puts urgent cases first. The task also
 * gets the case's or contract's recent history, so its form can show what happened before
 * without a trip to another tool.
 */
@Component
public class TaskListing {

  /** Enough to see how the case got here; the API's case view has the whole timeline. */
  static final int HISTORY_LINES = 12;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private final CaseFile caseFile;
  private final ContractFile contracts;
  private final FormTasks formTasks;
  private final ZoneId zone;

  public TaskListing(CaseFile caseFile, ContractFile contracts, FormTasks formTasks, RmaProperties properties) {
    this.caseFile = caseFile;
    this.contracts = contracts;
    this.formTasks = formTasks;
    this.zone = properties.centre().zoneId();
  }

  static final List<ProcessVariable<?>> LISTED = List.of(RMA_NUMBER, CUSTOMER_NAME, PRODUCT_MODEL, PRIORITY);
  static final List<ProcessVariable<?>> CONTRACT_LISTED =
      List.of(ContractProcess.Variables.CONTRACT_NUMBER, ContractProcess.Variables.CUSTOMER_NAME, ContractProcess.Variables.PLAN);

  /** Everything this class copies onto a task: copies, so not worth keeping in history. */
  static final List<ProcessVariable<?>> COPIED = Stream.of(LISTED, CONTRACT_LISTED,
          List.<ProcessVariable<?>>of(CASE_HISTORY, ENTITLEMENT_SUMMARY, REWORK_SUMMARY, REFUND_SUMMARY, CASE_DOCUMENTS))
      .<ProcessVariable<?>>flatMap(List::stream).toList();

  @EventListener(condition = "#task.eventName == 'create'")
  public void onTaskCreated(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    Optional<UserTask> rmaTask = UserTask.byId(task.getTaskDefinitionKey());
    if (rmaTask.isPresent()) {
      copy(task, LISTED);
      task.setPriority(taskPriority(PRIORITY.get(task.getExecution())));
      if (key != null) {
        task.setVariableLocal(CASE_HISTORY.name(), history(caseFile.timeline(key).stream()
            .map(entry -> new Line(entry.time(), entry.event(), entry.detail())).toList()));
        RmaCase rmaCase = caseFile.get(key);
        // A summary the case has none of stays off the task, which its form then leaves out.
        setIfAny(task, ENTITLEMENT_SUMMARY, entitlementSummary(rmaCase, CONTRACT_NUMBER.get(task.getExecution()),
            CONTRACT_STATUS.get(task.getExecution())));
        if (rmaCase.reworkOf() != null) {
          setIfAny(task, REWORK_SUMMARY, reworkSummary(caseFile.get(rmaCase.reworkOf())));
        }
        // Only their forms show these (arrange-refund.form, verify-proof.form).
        if (rmaTask.get() == UserTask.ARRANGE_REFUND) {
          setIfAny(task, REFUND_SUMMARY, refundSummary(rmaCase.refund()));
        }
        if (rmaTask.get() == UserTask.VERIFY_PROOF) {
          setIfAny(task, CASE_DOCUMENTS, documentLinks(caseFile.documents(key)));
        }
      }
    } else if (formTasks.byId(task.getTaskDefinitionKey()).isPresent()) {
      // The other processes' tasks are about a service contract: its own process, or a report on it.
      copy(task, CONTRACT_LISTED);
      String contractNumber = ContractProcess.Variables.CONTRACT_NUMBER.get(task.getExecution());
      if (contractNumber != null) {
        task.setVariableLocal(CASE_HISTORY.name(), history(contracts.timeline(contractNumber).stream()
            .map(entry -> new Line(entry.time(), entry.event(), entry.detail())).toList()));
      }
    }
  }

  private static void setIfAny(DelegateTask task, ProcessVariable<String> variable, String value) {
    if (value != null) {
      task.setVariableLocal(variable.name(), value);
    }
  }

  /** What the case's contract promises, or why the contract the unit was under gives nothing; null without one. */
  static String entitlementSummary(RmaCase rmaCase, String contractNumber, String contractStatus) {
    RmaCase.Entitlement entitlement = rmaCase.entitlement();
    if (entitlement != null) {
      Integer resolution = entitlement.resolutionWorkingHours().get(rmaCase.priority());
      return entitlement.contractNumber() + " (" + entitlement.plan() + "): first response within "
          + entitlement.responseWorkingHours() + " working hours, resolution within " + resolution
          + " working hours at priority " + rmaCase.priority() + "; manufacturing defects and checks without a fault "
          + "are free out of warranty.";
    }
    if (contractNumber != null) {
      return contractNumber + " was " + contractStatus + " when the case came in: no entitlement, the standard terms apply.";
    }
    return null;
  }

  /** The case's documents as a Markdown list of links that open them (the API, with the Tasklist login); null without. */
  static String documentLinks(List<CaseDocument> documents) {
    if (documents.isEmpty()) {
      return null;
    }
    StringBuilder list = new StringBuilder();
    for (CaseDocument document : documents) {
      list.append("- [").append(document.fileName().replaceAll("([*_`#\\[\\]<>|\\\\])", "\\\\$1")).append("](/api/rmas/")
          .append(document.rmaNumber()).append("/documents/").append(document.id()).append(") · ")
          .append(document.contentType()).append(", ").append(Math.max(1, document.size() / 1024)).append(" KB\n");
    }
    return list.toString();
  }

  /** Why the case ends in a refund and what finance returns; null without one. */
  static String refundSummary(RmaCase.Refund refund) {
    if (refund == null) {
      return null;
    }
    String why = refund.cause() == RefundCause.COMPLAINT
        ? "approved on the customer's complaint"
        : "the device failed its quality check after repair and replacement";
    return refund.amount() == null
        ? "Refund " + why + ". Nothing was paid for the repair: refund the product's price (post-sale policy 2.3)."
        : "Refund " + why + ": return " + refund.amount().toPlainString() + " " + refund.currency()
            + ", what the customer paid for " + refund.paymentOf() + ".";
  }

  /** What the earlier case found and did, for the staff who take the device in again. */
  String reworkSummary(RmaCase earlier) {
    StringBuilder text = new StringBuilder(earlier.rmaNumber()).append(", closed ").append(earlier.resolution());
    if (earlier.closedAt() != null) {
      text.append(" on ").append(earlier.closedAt().atZoneSameInstant(zone).toLocalDate());
    }
    text.append(": diagnosis ").append(orNone(earlier.warranty().faultCause()))
        .append(", repair ").append(orNone(earlier.repairMethod()));
    if (earlier.replacedParts() != null) {
      text.append(" (parts: ").append(earlier.replacedParts()).append(')');
    }
    if (earlier.replacementSerialNumber() != null) {
      text.append(", replaced by ").append(earlier.replacementSerialNumber());
    }
    if (earlier.payment().paidAt() != null) {
      text.append("; the customer paid ").append(earlier.payment().amount().toPlainString()).append(' ')
          .append(earlier.payment().currency());
    }
    return text.append('.').toString();
  }

  private static String orNone(Object value) {
    return value == null ? "none recorded" : value.toString();
  }

  private static void copy(DelegateTask task, List<ProcessVariable<?>> variables) {
    for (ProcessVariable<?> variable : variables) {
      task.setVariableLocal(variable.name(), task.getExecution().getVariable(variable.name()));
    }
  }

  /** A line of a case's or a contract's timeline. */
  record Line(OffsetDateTime time, String event, String detail) {}

  /** The latest entries, oldest first, as a Markdown list (Camunda Forms render text as Markdown). */
  String history(List<Line> timeline) {
    List<Line> recent = timeline.subList(Math.max(0, timeline.size() - HISTORY_LINES), timeline.size());
    StringBuilder text = new StringBuilder();
    if (recent.size() < timeline.size()) {
      text.append("- … ").append(timeline.size() - recent.size()).append(" earlier entries\n");
    }
    for (Line entry : recent) {
      text.append("- ").append(WHEN.format(entry.time().atZoneSameInstant(zone))).append(" · ")
          .append(readable(entry.event()));
      if (entry.detail() != null && !entry.detail().isBlank()) {
        text.append(": ").append(entry.detail().replaceAll("[\\r\\n]+", " ").replaceAll("([*_`#\\[\\]<>|\\\\])", "\\\\$1"));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String readable(String event) {
    String words = event.replace('_', ' ').toLowerCase(Locale.ENGLISH);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Camunda's default task priority is 50; urgent cases rise above it, low ones fall below. */
  static int taskPriority(Priority priority) {
    return switch (Priority.orDefault(priority)) {
      case HIGH -> 75;
      case MEDIUM -> 50;
      case LOW -> 25;
    };
  }
}
