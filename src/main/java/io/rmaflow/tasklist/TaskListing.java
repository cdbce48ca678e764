package io.rmaflow.tasklist;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.Priority;
import io.rmaflow.support.ProcessVariable;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
  private final ZoneId zone;

  public TaskListing(CaseFile caseFile, ContractFile contracts, RmaProperties properties) {
    this.caseFile = caseFile;
    this.contracts = contracts;
    this.zone = properties.centre().zoneId();
  }

  static final List<ProcessVariable<?>> LISTED = List.of(RMA_NUMBER, CUSTOMER_NAME, PRODUCT_MODEL, PRIORITY);
  static final List<ProcessVariable<?>> CONTRACT_LISTED =
      List.of(ContractProcess.Variables.CONTRACT_NUMBER, ContractProcess.Variables.CUSTOMER_NAME, ContractProcess.Variables.PLAN);

  /** Everything this class copies onto a task: copies, so not worth keeping in history. */
  static final List<ProcessVariable<?>> COPIED = Stream.of(LISTED, CONTRACT_LISTED, List.<ProcessVariable<?>>of(CASE_HISTORY))
      .<ProcessVariable<?>>flatMap(List::stream).toList();

  @EventListener(condition = "#task.eventName == 'create'")
  public void onTaskCreated(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    if (UserTask.byId(task.getTaskDefinitionKey()).isPresent()) {
      copy(task, LISTED);
      task.setPriority(taskPriority(PRIORITY.get(task.getExecution())));
      if (key != null) {
        task.setVariableLocal(CASE_HISTORY.name(), history(caseFile.timeline(key).stream()
            .map(entry -> new Line(entry.time(), entry.event(), entry.detail())).toList()));
      }
    } else if (ContractProcess.UserTask.byId(task.getTaskDefinitionKey()).isPresent()) {
      copy(task, CONTRACT_LISTED);
      if (key != null) {
        task.setVariableLocal(CASE_HISTORY.name(), history(contracts.timeline(key).stream()
            .map(entry -> new Line(entry.time(), entry.event(), entry.detail())).toList()));
      }
    }
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
