package io.rmaflow.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.support.FormTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The input rules of each task's Camunda Form (required, ranges, lengths, choices), read from
 * the form files themselves. Tasklist enforces them in the browser; the engine enforces the
 * same rules again when a task is completed, because the engine REST API and an outdated
 * browser tab can complete a task without the form's checks.
 */
@Component
public class FormRules {

  private final Map<String, List<Field>> fieldsByTask = new HashMap<>();
  private final Map<String, Set<String>> inputKeysByTask = new HashMap<>();

  public FormRules(ObjectMapper json, FormTasks tasks) {
    for (FormTask task : tasks.all()) {
      List<Field> fields = read(json, task.formResource());
      fieldsByTask.put(task.id(), fields);
      inputKeysByTask.put(task.id(), fields.stream().map(Field::key).collect(Collectors.toUnmodifiableSet()));
    }
  }

  public List<Field> fields(FormTask task) {
    return fieldsByTask.get(task.id());
  }

  /** The keys of the form's inputs: what completing the task may set. */
  public Set<String> inputKeys(FormTask task) {
    return inputKeysByTask.get(task.id());
  }

  private static List<Field> read(ObjectMapper json, String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      List<Field> fields = new ArrayList<>();
      collect(json.readTree(in).path("components"), fields);
      return List.copyOf(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the form " + resource, e);
    }
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      String key = component.path("key").asText("");
      boolean input = !key.isEmpty() && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean();
      if (input) {
        fields.add(field(component, key));
      }
    }
  }

  private static Field field(JsonNode component, String key) {
    JsonNode validate = component.path("validate");
    Set<String> choices = new LinkedHashSet<>();
    component.path("values").forEach(option -> choices.add(option.path("value").asText()));
    return new Field(
        key,
        component.path("label").asText(key),
        component.path("type").asText(),
        validate.path("required").asBoolean(),
        decimal(validate.path("min")),
        decimal(validate.path("max")),
        validate.path("maxLength").isNumber() ? validate.path("maxLength").asInt() : null,
        Collections.unmodifiableSet(choices));
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
  }

  /** One input of a form, with the rules its form declares. */
  public record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      Integer maxLength, Set<String> choices) {

    /** What is wrong with a submitted value, in the form's own words, or {@code null} when it is fine. */
    public String problemWith(Object value) {
      if (value == null || value instanceof String text && text.isBlank()) {
        return required || "checkbox".equals(type) ? label + " is required." : null;
      }
      return switch (type) {
        case "checkbox" -> value instanceof Boolean ? null : label + " must be yes or no.";
        case "number" -> numberProblem(value);
        case "select", "radio" -> choices.contains(value.toString())
            ? null
            : label + " must be one of " + String.join(", ", choices) + ".";
        default -> maxLength != null && value.toString().length() > maxLength
            ? label + " must be at most " + maxLength + " characters."
            : null;
      };
    }

    private String numberProblem(Object value) {
      BigDecimal number;
      try {
        number = new BigDecimal(value.toString());
      } catch (NumberFormatException e) {
        return label + " must be a number.";
      }
      if (min != null && number.compareTo(min) < 0) {
        return label + " must be at least " + min.toPlainString() + ".";
      }
      if (max != null && number.compareTo(max) > 0) {
        return label + " must be at most " + max.toPlainString() + ".";
      }
      return null;
    }
  }
}
