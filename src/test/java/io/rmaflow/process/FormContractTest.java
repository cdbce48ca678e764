package io.rmaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.process.RmaProcess.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Forms, model and code agree on names: each form collects exactly its task's contract variables. */
class FormContractTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromStream(resource(RmaProcess.RESOURCE));
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(UserTask.class)
  void eachUserTaskGoesToItsGroupWithItsDeployedForm(UserTask task) {
    org.camunda.bpm.model.bpmn.instance.UserTask element = MODEL.getModelElementById(task.id());

    assertThat(element).as("user task %s in the model", task.id()).isNotNull();
    assertThat(element.getCamundaCandidateGroups()).isEqualTo(task.candidateGroup());
    assertThat(element.getCamundaFormRef()).isEqualTo(task.formId());
    assertThat(element.getCamundaFormRefBinding()).isEqualTo("deployment");
  }

  @ParameterizedTest
  @EnumSource(UserTask.class)
  void eachFormCollectsExactlyItsTasksVariablesInFittingFields(UserTask task) throws IOException {
    JsonNode form = JSON.readTree(resource(task.formResource()));
    List<JsonNode> fields = StreamSupport.stream(form.path("components").spliterator(), false)
        .filter(component -> component.has("key")).toList();

    assertThat(form.path("id").asText()).isEqualTo(task.formId());
    assertThat(fields).extracting(field -> field.path("key").asText())
        .containsExactlyInAnyOrderElementsOf(task.outputs().stream().map(ProcessVariable::name).toList());
    for (ProcessVariable<?> output : task.outputs()) {
      JsonNode field = fields.stream().filter(f -> f.path("key").asText().equals(output.name())).findFirst().orElseThrow();
      assertFieldFits(field, output.type());
    }
  }

  @Test
  void theModelHasNoUserTaskOutsideTheContract() {
    List<String> modelTasks = MODEL.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream()
        .map(org.camunda.bpm.model.bpmn.instance.UserTask::getId).toList();

    assertThat(modelTasks).containsExactlyInAnyOrderElementsOf(Arrays.stream(UserTask.values()).map(UserTask::id).toList());
  }

  @Test
  void everyVariableTheModelsConditionsReadIsADeclaredProcessVariable() {
    Set<String> read = new HashSet<>();
    for (ConditionExpression condition : MODEL.getModelElementsByType(ConditionExpression.class)) {
      read.addAll(variablesIn(condition.getTextContent()));
    }

    assertThat(read).isNotEmpty().isSubsetOf(declaredVariables());
  }

  private static void assertFieldFits(JsonNode field, Class<?> type) {
    String kind = field.path("type").asText();
    if (type.isEnum()) {
      assertThat(kind).as("%s: an enumeration is a select", field.path("key")).isEqualTo("select");
      assertThat(field.path("values").findValuesAsText("value"))
          .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
      assertThat(field.path("validate").path("required").asBoolean()).isTrue();
    } else if (type == Boolean.class) {
      assertThat(kind).as("%s: a yes/no is a checkbox", field.path("key")).isEqualTo("checkbox");
    } else if (type == BigDecimal.class) {
      assertThat(kind).as("%s: an amount is a number", field.path("key")).isEqualTo("number");
      assertThat(field.path("validate").path("min").asInt(-1)).isZero();
      assertThat(field.path("validate").path("required").asBoolean()).isTrue();
    } else {
      assertThat(kind).isIn("textfield", "textarea", "datetime");
      JsonNode validate = field.path("validate");
      assertThat(validate.path("required").asBoolean() || validate.has("maxLength"))
          .as("%s is required or bounded", field.path("key")).isTrue();
    }
  }

  /** Identifiers a JUEL condition reads, including names in {@code execution.getVariable('...')}. */
  static Set<String> variablesIn(String expression) {
    Set<String> names = new HashSet<>();
    Matcher quoted = Pattern.compile("getVariable\\('(\\w+)'\\)").matcher(expression);
    while (quoted.find()) {
      names.add(quoted.group(1));
    }
    String code = expression.replaceAll("'[^']*'", "''");
    Matcher identifier = Pattern.compile("(?<![.\\w])([a-z]\\w*)").matcher(code);
    while (identifier.find()) {
      names.add(identifier.group(1));
    }
    names.removeAll(Set.of("execution", "true", "false", "null", "not", "and", "or", "eq", "ne"));
    return names;
  }

  private static Set<String> declaredVariables() {
    Set<String> names = new HashSet<>();
    for (var field : RmaProcess.Variables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        try {
          names.add(((ProcessVariable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static InputStream resource(String name) {
    InputStream stream = FormContractTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(stream).as("resource %s", name).isNotNull();
    return stream;
  }
}
