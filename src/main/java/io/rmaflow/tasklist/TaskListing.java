package io.rmaflow.tasklist;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.Priority;
import io.rmaflow.support.ProcessVariable;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.TimelineEntry;
import io.rmaflow.support.RmaProperties;
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
 * process instances, so the facts the list shows (RMA number, customer, product, priority)
 * are copied onto the task itself; and the task's priority follows the case's, so sorting
 * by priority puts urgent cases first. The task also gets the case's recent history, so its
 * form can show what happened before without a trip to another tool.
 */
@Component
public class TaskListing {

  /** Enough to see how the case got here; the API's case view has the whole timeline. */
  static final int HISTORY_LINES = 12;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private final CaseFile caseFile;
  private final ZoneId zone;

  public TaskListing(CaseFile caseFile, RmaProperties properties) {
    this.caseFile = caseFile;
    this.zone = properties.centre().zoneId();
  }

  static final List<ProcessVariable<?>> LISTED = List.of(RMA_NUMBER, CUSTOMER_NAME, PRODUCT_MODEL, PRIORITY);

  /** Everything this class copies onto a task: copies, so not worth keeping in history. */
  static final List<ProcessVariable<?>> COPIED = Stream.concat(LISTED.stream(), Stream.of(CASE_HISTORY)).toList();

  @EventListener(condition = "#task.eventName == 'create'")
  public void onTaskCreated(DelegateTask task) {
    if (UserTask.byId(task.getTaskDefinitionKey()).isEmpty()) {
      return;
    }
    for (ProcessVariable<?> variable : LISTED) {
      task.setVariableLocal(variable.name(), task.getExecution().getVariable(variable.name()));
    }
    task.setPriority(taskPriority(PRIORITY.get(task.getExecution())));
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    if (rmaNumber != null) {
      task.setVariableLocal(CASE_HISTORY.name(), history(caseFile.timeline(rmaNumber)));
    }
  }

  /** The latest entries, oldest first, as a Markdown list (Camunda Forms render text as Markdown). */
  String history(List<TimelineEntry> timeline) {
    List<TimelineEntry> recent = timeline.subList(Math.max(0, timeline.size() - HISTORY_LINES), timeline.size());
    StringBuilder text = new StringBuilder();
    if (recent.size() < timeline.size()) {
      text.append("- … ").append(timeline.size() - recent.size()).append(" earlier entries\n");
    }
    for (TimelineEntry entry : recent) {
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
