package io.rmaflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * What the files under {@code bpmn/} and {@code forms/} name: the element ids and message
 * names of a process model, and every variable a model or form reads or writes. A process's
 * names class ({@code RmaProcess}, ...) is checked against these, so a constant that names
 * nothing in the models fails the build.
 */
public final class ModelNames {

  static final Path MODELS = Path.of("bpmn");
  static final Path FORMS = Path.of("forms");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*[#/]?(?:if|each|unless)?\\s*(\\w+)");
  private static final Pattern FEEL = Pattern.compile("(?<![.\\w\"'])([a-z]\\w*)");

  private ModelNames() {}

  public static BpmnModelInstance model(String resource) {
    try (InputStream stream = Files.newInputStream(Path.of(resource))) {
      return Bpmn.readModelFromStream(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Set<String> elementIds(BpmnModelInstance model) {
    Set<String> ids = new HashSet<>();
    model.getModelElementsByType(BaseElement.class).forEach(element -> ids.add(element.getId()));
    return ids;
  }

  public static Set<String> messageNames(BpmnModelInstance model) {
    Set<String> names = new HashSet<>();
    model.getModelElementsByType(Message.class).forEach(message -> names.add(message.getName()));
    return names;
  }

  /**
   * Every variable one process uses, in its model, its tasks' forms and the decision tables, so
   * that a name another process shares does not pass for this one's: what expressions read
   * (conditions, timers, due dates, parameter values), what mappings and decisions write
   * (parameter names, result variables), what decision tables take in and give out, and what
   * forms collect and show.
   */
  public static Set<String> variablesUsedBy(String processResource, List<? extends FormTask> tasks) {
    return variablesUsed(List.of(Path.of(processResource)), tasks.stream().map(task -> Path.of(task.formResource())).toList());
  }

  private static Set<String> variablesUsed(List<Path> processes, List<Path> forms) {
    Set<String> used = new HashSet<>();
    for (Path file : processes) {
      collectFromBpmn(model(file.toString()).getDocument().getRootElement(), used);
    }
    for (Path file : files(MODELS, ".dmn")) {
      String dmn = read(file);
      Matcher input = Pattern.compile("<(?:\\w+:)?text>([^<]*)</(?:\\w+:)?text>").matcher(dmn);
      while (input.find()) {
        Matcher name = FEEL.matcher(input.group(1).replaceAll("\"[^\"]*\"", ""));
        while (name.find()) {
          used.add(name.group(1));
        }
      }
      Matcher output = Pattern.compile("<(?:\\w+:)?output [^>]*name=\"(\\w+)\"").matcher(dmn);
      while (output.find()) {
        used.add(output.group(1));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Path file : forms) {
      try {
        collectFromForm(json.readTree(file.toFile()), used);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return used;
  }

  /** Variable name to constant name of every {@link ProcessVariable} declared in {@code variables}. */
  public static Map<String, String> declaredVariables(Class<?> variables) {
    Map<String, String> declared = new java.util.TreeMap<>();
    for (Field field : variables.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        declared.put(((ProcessVariable<?>) value(field)).name(), field.getName());
      }
    }
    return declared;
  }

  /** The values of the {@code public static final String} constants of {@code names}. */
  public static List<String> stringConstants(Class<?> names) {
    List<String> values = new ArrayList<>();
    for (Field field : names.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) value(field));
      }
    }
    return values;
  }

  private static void collectFromBpmn(DomElement element, Set<String> used) {
    String local = element.getLocalName();
    if (local.equals("inputParameter") || local.equals("outputParameter")) {
      used.add(element.getAttribute("name"));
    }
    String resultVariable = element.getAttribute("http://camunda.org/schema/1.0/bpmn", "resultVariable");
    if (resultVariable != null) {
      used.add(resultVariable);
    }
    StringBuilder text = new StringBuilder(element.getTextContent() == null || !element.getChildElements().isEmpty()
        ? "" : element.getTextContent());
    for (String attribute : List.of("dueDate", "followUpDate", "priority", "collection", "elementVariable")) {
      String value = element.getAttribute("http://camunda.org/schema/1.0/bpmn", attribute);
      if (value != null) {
        text.append(' ').append(value);
      }
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      used.addAll(FormContractTest.variablesIn(expression.group(1)));
    }
    for (DomElement child : element.getChildElements()) {
      collectFromBpmn(child, used);
    }
  }

  private static void collectFromForm(JsonNode node, Set<String> used) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isTextual()) {
          String text = value.asText();
          if (field.getKey().equals("key") || field.getKey().equals("valuesKey")) {
            used.add(text);
          } else if (text.startsWith("=")) {
            Matcher name = FEEL.matcher(text.substring(1).replaceAll("\"[^\"]*\"", ""));
            while (name.find()) {
              used.add(name.group(1));
            }
          }
          Matcher template = TEMPLATE.matcher(text);
          while (template.find()) {
            used.add(template.group(1));
          }
        } else {
          collectFromForm(value, used);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectFromForm(child, used));
    }
  }

  private static List<Path> files(Path folder, String extension) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object value(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
