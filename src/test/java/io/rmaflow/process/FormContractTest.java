package io.rmaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.report.ReportProcess;
import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessVariable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forms, models and code agree on names: each form collects exactly its task's contract
 * variables, for the repair lifecycle and the service contract alike.
 */
class FormContractTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromStream(resource(RmaProcess.RESOURCE));
  static final BpmnModelInstance CONTRACT_MODEL = Bpmn.readModelFromStream(resource(ContractProcess.RESOURCE));
  static final BpmnModelInstance REPORT_MODEL = Bpmn.readModelFromStream(resource(ReportProcess.RESOURCE));
  static final List<BpmnModelInstance> MODELS = List.of(MODEL, CONTRACT_MODEL, REPORT_MODEL);
  static final ObjectMapper JSON = new ObjectMapper();
  /** Texts a task may leave empty: a software update replaces no parts; a parcel may come without its slip. */
  static final Set<String> OPTIONAL = Set.of(RmaProcess.Variables.REPLACED_PARTS.name(),
      RmaProcess.Variables.SCANNED_RMA_NUMBER.name());

  static Stream<FormTask> userTasks() {
    return Stream.of(UserTask.values(), ContractProcess.UserTask.values(), ReportProcess.UserTask.values())
        .flatMap(Arrays::stream);
  }

  static BpmnModelInstance modelOf(FormTask task) {
    if (task instanceof UserTask) {
      return MODEL;
    }
    return task instanceof ContractProcess.UserTask ? CONTRACT_MODEL : REPORT_MODEL;
  }

  @ParameterizedTest
  @MethodSource("userTasks")
  void eachUserTaskGoesToItsGroupWithItsDeployedForm(FormTask task) {
    org.camunda.bpm.model.bpmn.instance.UserTask element = modelOf(task).getModelElementById(task.id());

    assertThat(element).as("user task %s in the model", task.id()).isNotNull();
    assertThat(element.getCamundaCandidateGroups()).isEqualTo(task.candidateGroup());
    assertThat(element.getCamundaFormRef()).isEqualTo(task.formId());
    assertThat(element.getCamundaFormRefBinding()).isEqualTo("deployment");
  }

  @ParameterizedTest
  @MethodSource("userTasks")
  void eachFormCollectsExactlyItsTasksVariablesInFittingFields(FormTask task) throws IOException {
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

  @ParameterizedTest
  @MethodSource("formFiles")
  void everyFormFileIsACamunda7FormNamedAfterItsFileAndUsedByExactlyOneUserTask(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    String formId = camelCase(file.getFileName().toString().replace(".form", "")) + "Form";
    List<org.camunda.bpm.model.bpmn.instance.UserTask> users = MODELS.stream()
        .flatMap(model -> model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream())
        .filter(task -> formId.equals(task.getCamundaFormRef())).toList();

    assertThat(form.path("id").asText()).isEqualTo(formId);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("components").isArray()).isTrue();
    assertThat(users).as("user tasks with camunda:formRef %s", formId).singleElement()
        .satisfies(task -> assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment"));
  }

  @Test
  void theModelsHaveNoUserTaskOutsideTheContract() {
    assertThat(userTaskIds(MODEL)).containsExactlyInAnyOrderElementsOf(Arrays.stream(UserTask.values()).map(UserTask::id).toList());
    assertThat(userTaskIds(CONTRACT_MODEL)).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(ContractProcess.UserTask.values()).map(ContractProcess.UserTask::id).toList());
    assertThat(userTaskIds(REPORT_MODEL)).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(ReportProcess.UserTask.values()).map(ReportProcess.UserTask::id).toList());
  }

  @Test
  void everyVariableTheModelsConditionsReadIsADeclaredProcessVariable() {
    assertThat(conditionVariables(MODEL)).isNotEmpty().isSubsetOf(declaredVariables(RmaProcess.Variables.class));
    assertThat(conditionVariables(CONTRACT_MODEL)).isNotEmpty().isSubsetOf(declaredVariables(ContractProcess.Variables.class));
    assertThat(conditionVariables(REPORT_MODEL)).isNotEmpty().isSubsetOf(declaredVariables(ReportProcess.Variables.class));
  }

  private static List<String> userTaskIds(BpmnModelInstance model) {
    return model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream()
        .map(org.camunda.bpm.model.bpmn.instance.UserTask::getId).toList();
  }

  /** What the conditions of sequence flows and conditional events read. */
  private static Set<String> conditionVariables(BpmnModelInstance model) {
    Set<String> read = new HashSet<>();
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      read.addAll(variablesIn(condition.getTextContent()));
    }
    for (Expression condition : model.getModelElementsByType(ConditionalEventDefinition.class).stream()
        .map(ConditionalEventDefinition::getCondition).toList()) {
      read.addAll(variablesIn(condition.getTextContent()));
    }
    return read;
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
      // An unticked checkbox submits false; marked required, it would only accept yes.
      assertThat(field.path("validate").path("required").asBoolean()).as("%s is not required", field.path("key")).isFalse();
    } else if (type == BigDecimal.class) {
      assertThat(kind).as("%s: an amount is a number", field.path("key")).isEqualTo("number");
      assertThat(field.path("validate").path("min").asInt(-1)).isZero();
      assertThat(field.path("validate").path("required").asBoolean()).isTrue();
    } else {
      // Strings: texts, or ISO date-times picked in a datetime field (ADR 1).
      assertThat(kind).isIn("textfield", "textarea", "datetime");
      JsonNode validate = field.path("validate");
      if (!kind.equals("datetime")) {
        assertThat(validate.path("maxLength").asInt()).as("%s is bounded", field.path("key")).isPositive();
      }
      assertThat(validate.path("required").asBoolean()).as("%s is required", field.path("key"))
          .isEqualTo(!OPTIONAL.contains(field.path("key").asText()));
    }
  }

  static Stream<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      List<Path> forms = files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
      assertThat(forms).isNotEmpty();
      return forms.stream();
    }
  }

  private static String camelCase(String kebabCase) {
    return Pattern.compile("-([a-z])").matcher(kebabCase).replaceAll(match -> match.group(1).toUpperCase());
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

  private static Set<String> declaredVariables(Class<?> variables) {
    Set<String> names = new HashSet<>();
    for (var field : variables.getFields()) {
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
