package io.rmaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.spi.type.DmnTypeDefinition;
import org.camunda.bpm.dmn.engine.impl.type.DefaultDataTypeTransformerRegistry;
import org.camunda.bpm.dmn.engine.impl.type.IdentityDataTypeTransformer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import io.rmaflow.support.ProcessVariable;

/**
 * The model files under {@code bpmn/} as the engine reads them: each is named after its
 * file, every decision table is complete and typed, and every business rule task calls a
 * decision deployed beside it and hands its result to a reader. bpmnlint checks the BPMN
 * drawing itself (tools/lint).
 */
class ModelFilesTest {

  static final Path MODELS = Path.of("bpmn");
  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DefaultDataTypeTransformerRegistry DMN_TYPES = new DefaultDataTypeTransformerRegistry();

  @ParameterizedTest
  @MethodSource("processFiles")
  void eachProcessIsNamedAfterItsFile(Path file) {
    List<String> processIds = bpmn(file).getModelElementsByType(Process.class).stream().map(Process::getId).toList();

    assertThat(processIds).containsExactly(baseName(file));
  }

  @ParameterizedTest
  @MethodSource("modelFiles")
  void everyProcessAndDecisionStatesItsVersionTagAndHistoryTimeToLive(Path file) throws Exception {
    // Cockpit and the history name a definition's version by its tag; without a time to live the engine refuses it.
    boolean dmn = file.toString().endsWith(".dmn");
    String camunda = "http://camunda.org/schema/1.0/" + (dmn ? "dmn" : "bpmn");
    NodeList definitions = plainXml(file).getElementsByTagNameNS("*", dmn ? "decision" : "process");

    assertThat(definitions.getLength()).isPositive();
    for (int i = 0; i < definitions.getLength(); i++) {
      Element definition = (Element) definitions.item(i);
      assertThat(definition.getAttributeNS(camunda, "versionTag")).as("versionTag of %s", definition.getAttribute("id"))
          .matches("\\d+\\.\\d+\\.\\d+");
      assertThat(definition.getAttributeNS(camunda, "historyTimeToLive"))
          .as("historyTimeToLive of %s", definition.getAttribute("id")).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("decisionFiles")
  void eachDecisionFileHoldsOneDecisionTableNamedAfterTheFile(Path file) {
    List<DmnDecision> decisions = dmn(file);

    assertThat(decisions).extracting(DmnDecision::getKey).containsExactly(baseName(file));
    assertThat(decisions.get(0).isDecisionTable()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("decisionFiles")
  void eachDecisionTableStatesItsHitPolicy(Path file) throws Exception {
    // Read without the DMN schema: it fills in UNIQUE when the attribute is missing, as the engine does.
    NodeList tables = plainXml(file).getElementsByTagNameNS("*", "decisionTable");

    assertThat(tables.getLength()).isPositive();
    for (int i = 0; i < tables.getLength(); i++) {
      Element table = (Element) tables.item(i);
      assertThat(table.getAttribute("hitPolicy")).as("hitPolicy of %s", table.getAttribute("id")).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("decisionFiles")
  void noDecisionFileCarriesAGeneratedId(Path file) throws Exception {
    // Rule ids land in the history of every evaluation and in the rule coverage of the decision
    // tests; an id like DecisionRule_0x8f2ab says nothing there (same pattern as tools/lint's element-id).
    Pattern generated = Pattern.compile("[A-Za-z]+_[0-9a-z]*[0-9][0-9a-z]*");
    NodeList elements = plainXml(file).getElementsByTagNameNS("*", "*");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      ids.add(((Element) elements.item(i)).getAttribute("id"));
    }

    assertThat(ids).isNotEmpty();
    assertThat(ids.stream().filter(id -> generated.matcher(id).matches()).toList()).as("generated ids in %s", file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("decisionFiles")
  void everyInputAndOutputOfADecisionTableHasATypeTheEngineKnows(Path file) {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) dmn(file).get(0).getDecisionLogic();

    assertThat(table.getInputs()).isNotEmpty().allSatisfy(input ->
        assertKnownType(input.getExpression().getTypeDefinition(), "input " + input.getId()));
    assertThat(table.getOutputs()).isNotEmpty().allSatisfy(output -> {
      assertKnownType(output.getTypeDefinition(), "output " + output.getId());
      assertThat(output.getOutputName()).as("name of output %s", output.getId()).isNotBlank();
    });
  }

  @Test
  void everyBusinessRuleTaskCallsADecisionDeployedBesideIt() {
    Set<String> decisionKeys = decisions().keySet();

    assertThat(businessRuleTasks()).isNotEmpty().allSatisfy(task -> {
      assertThat(task.getCamundaDecisionRef()).as("decisionRef of %s", task.getId()).isIn(decisionKeys);
      assertThat(task.getCamundaDecisionRefBinding()).as("decisionRefBinding of %s", task.getId()).isEqualTo("deployment");
    });
  }

  @Test
  void aBusinessRuleTaskWithASingleEntryResultCallsADecisionWithOneOutputOfTheSameName() {
    Map<String, DmnDecision> decisions = decisions();

    for (BusinessRuleTask task : businessRuleTasks()) {
      if (task.getCamundaResultVariable() != null) {
        assertThat(task.getCamundaMapDecisionResult()).as("mapDecisionResult of %s", task.getId()).isEqualTo("singleEntry");
        assertThat(decisions).as("decisions in %s", MODELS).containsKey(task.getCamundaDecisionRef());
        List<DmnDecisionTableOutputImpl> outputs =
            ((DmnDecisionTableImpl) decisions.get(task.getCamundaDecisionRef()).getDecisionLogic()).getOutputs();
        assertThat(outputs).extracting(DmnDecisionTableOutputImpl::getOutputName)
            .as("outputs of %s called by %s", task.getCamundaDecisionRef(), task.getId())
            .containsExactly(task.getCamundaResultVariable());
      }
    }
  }

  @Test
  void everyResultOfABusinessRuleTaskIsADeclaredVariableThatSomethingReads() throws IOException {
    Map<String, String> declared = declaredVariableFields();
    Set<String> readByModels = readByModels();
    String mainCode = mainCode();

    for (BusinessRuleTask task : businessRuleTasks()) {
      List<String> results = results(task);
      assertThat(results).as("result variables of %s", task.getId()).isNotEmpty();
      for (String result : results) {
        assertThat(declared).as("%s of %s in RmaProcess.Variables", result, task.getId()).containsKey(result);
        boolean readByCode = Pattern.compile("\\b" + declared.get(result) + "\\s*\\.\\s*get(OrDefault)?\\s*\\(")
            .matcher(mainCode).find();
        assertThat(readByModels.contains(result) || readByCode)
            .as("%s, the result of %s, is read by a model expression, a decision or the code", result, task.getId())
            .isTrue();
      }
    }
  }

  private static void assertKnownType(DmnTypeDefinition type, String clause) {
    assertThat(type.getTypeName()).as("typeRef of %s", clause).isNotBlank();
    assertThat(DMN_TYPES.getTransformer(type.getTypeName()))
        .as("typeRef %s of %s", type.getTypeName(), clause).isNotInstanceOf(IdentityDataTypeTransformer.class);
  }

  /** The variables a task leaves behind: its result variable, or what its output mapping sets. */
  private static List<String> results(BusinessRuleTask task) {
    if (task.getCamundaResultVariable() != null) {
      return List.of(task.getCamundaResultVariable());
    }
    List<String> names = new ArrayList<>();
    if (task.getExtensionElements() != null) {
      for (CamundaInputOutput mapping : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
        mapping.getCamundaOutputParameters().stream().map(CamundaOutputParameter::getCamundaName).forEach(names::add);
      }
    }
    return names;
  }

  /** Identifiers read by the expressions of every process model and the input expressions of every decision. */
  private static Set<String> readByModels() throws IOException {
    Set<String> read = new HashSet<>();
    Pattern expression = Pattern.compile("[$#]\\{([^}]*)}");
    for (Path file : processFiles().toList()) {
      Matcher matcher = expression.matcher(Files.readString(file));
      while (matcher.find()) {
        read.addAll(FormContractTest.variablesIn(matcher.group(1)));
      }
    }
    for (DmnDecision decision : decisions().values()) {
      for (DmnDecisionTableInputImpl input : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getInputs()) {
        read.addAll(FormContractTest.variablesIn(input.getExpression().getExpression()));
      }
    }
    return read;
  }

  /** Variable name to field name of every {@link ProcessVariable} in {@link RmaProcess.Variables}. */
  private static Map<String, String> declaredVariableFields() {
    return Stream.of(RmaProcess.Variables.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class)
        .collect(Collectors.toMap(field -> ((ProcessVariable<?>) value(field)).name(), Field::getName));
  }

  private static Object value(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The main code except the declarations themselves, where code reads variables (ADR 1). */
  private static String mainCode() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      return files.filter(file -> file.toString().endsWith(".java") && !file.endsWith("RmaProcess.java"))
          .map(ModelFilesTest::readString).collect(Collectors.joining("\n"));
    }
  }

  private static List<BusinessRuleTask> businessRuleTasks() {
    return processFiles().flatMap(file -> bpmn(file).getModelElementsByType(BusinessRuleTask.class).stream()).toList();
  }

  private static Map<String, DmnDecision> decisions() {
    return decisionFiles().flatMap(file -> dmn(file).stream())
        .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
  }

  static Stream<Path> modelFiles() {
    return Stream.concat(processFiles(), decisionFiles());
  }

  static Stream<Path> processFiles() {
    return modelFiles(".bpmn");
  }

  static Stream<Path> decisionFiles() {
    return modelFiles(".dmn");
  }

  private static Stream<Path> modelFiles(String extension) {
    try (Stream<Path> files = Files.list(MODELS)) {
      List<Path> found = files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
      assertThat(found).as("%s files in %s", extension, MODELS).isNotEmpty();
      return found.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document plainXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static BpmnModelInstance bpmn(Path file) {
    return read(file, Bpmn::readModelFromStream);
  }

  private static List<DmnDecision> dmn(Path file) {
    return read(file, DMN::parseDecisions);
  }

  private static <T> T read(Path file, Function<InputStream, T> parser) {
    try (InputStream stream = Files.newInputStream(file)) {
      return parser.apply(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
