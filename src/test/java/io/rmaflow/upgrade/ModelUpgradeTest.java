package io.rmaflow.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmaflow.RmaFlowApplication;
import io.rmaflow.TestClock;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.repair.PaymentService;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.shipping.ShipInService;
import io.rmaflow.warranty.WarrantyService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * An upgrade with open cases, as an operator makes it: the application runs with the models
 * of today, cases come to rest at every wait state of {@code rma-lifecycle} (each user task,
 * each message wait, each timer), and the application stops. It starts again with a next
 * version of the models beside a migration plan: one element renamed, a task added on the way
 * back, the ship reminder's timer changed, a form changed. An administrator asks for a dry run
 * and starts the migration through the API; the batch runs; then every case is worked to its
 * end, on the version the migration left it.
 *
 * <p>Both starts are the whole application on a database of this test's own (embedded, kept
 * between the two starts), job executor off, jobs and timers stepped explicitly.
 */
class ModelUpgradeTest {

  static final ZoneId CENTRE = ZoneId.of("Asia/Shanghai");
  /** A Tuesday morning at the centre. */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-10T10:00:00+08:00");
  static final String PLAN = "rma-lifecycle-next";
  static final String UNMAPPED_PLAN = "rma-lifecycle-next-unmapped";
  static final String RENAMED_FROM = Elements.RESOLUTION_SLA_TIMER;
  static final String RENAMED_TO = "Timer_ResolutionDue";
  static final String ADDED_TASK = "packDevice";
  static final String CHANGED_LABEL = "Carrier for the way back";
  static final String KEPT_AT = Elements.AWAIT_PAYMENT;
  static final String KEPT_BECAUSE = "A quote sent under the earlier version is paid or declined as that version says.";

  final String database = "jdbc:h2:mem:upgrade-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
      + ";DB_CLOSE_DELAY=-1";

  @AfterEach
  void resetClockAndDropTheDatabase() throws java.sql.SQLException {
    TestClock.reset();
    try (var connection = java.sql.DriverManager.getConnection(database, "sa", "");
        var statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  @Test
  void casesAtEveryWaitStateOfTheFirstVersionReachTheirEndAfterTheUpgradeOnTheVersionTheMigrationLeftThem() throws Exception {
    Path next = Files.createTempDirectory(Path.of("target"), "model-upgrade-");
    String currentTag;
    Map<String, String> waitingCases = new LinkedHashMap<>();
    Map<String, Map<String, Date>> dueDatesBefore = new HashMap<>();
    String v1Definition;

    try (ConfigurableApplicationContext v1 = start(null)) {
      Engine engine = new Engine(v1);
      engine.driver.setClock(NOW.toInstant());
      v1Definition = engine.latestDefinition();
      currentTag = engine.repository.getProcessDefinition(v1Definition).getVersionTag();
      BpmnModelInstance model = engine.repository.getBpmnModelInstance(v1Definition);

      bringCasesToEveryWaitState(engine, waitingCases);

      Set<String> covered = new TreeSet<>();
      waitingCases.values().forEach(rma -> covered.addAll(engine.waitsOf(rma)));
      assertThat(covered).as("wait states with a case waiting there").containsAll(waitStates(model));
      waitingCases.values().forEach(rma -> dueDatesBefore.put(rma, engine.timerDueDates(rma)));
      System.out.printf("ModelUpgradeTest: %d cases rest at the %d wait states of %s %s%n",
          waitingCases.size(), waitStates(model).size(), RmaProcess.KEY, currentTag);
    }

    String nextTag = nextVersion(currentTag);
    writeNextVersion(next, currentTag, nextTag);

    try (ConfigurableApplicationContext v2 = start(next)) {
      Engine engine = new Engine(v2);
      engine.driver.setClock(NOW.toInstant());
      String v2Definition = engine.latestDefinition();
      assertThat(v2Definition).isNotEqualTo(v1Definition);
      assertThat(engine.repository.getProcessDefinition(v2Definition).getVersionTag()).isEqualTo(nextTag);
      Admin admin = new Admin(((WebServerApplicationContext) v2).getWebServer().getPort());

      // The plans, as the administrator sees them before anything moved.
      JsonNode plans = admin.get("/api/admin/migrations");
      assertThat(plans.findValuesAsText("name")).contains(PLAN, UNMAPPED_PLAN);
      assertThat(admin.status("GET", "/api/admin/migrations/" + PLAN, "desk")).as("a service desk login").isEqualTo(403);

      // A plan that forgets the renamed timer: the cases waiting with it stay, named with the element.
      JsonNode unmapped = admin.get("/api/admin/migrations/" + UNMAPPED_PLAN);
      List<String> losingTheTimer = new ArrayList<>();
      unmapped.path("staying").forEach(stay -> {
        if (stay.path("reason").asText().contains(RENAMED_FROM + " has no counterpart")) {
          losingTheTimer.add(stay.path("businessKey").asText());
        }
      });
      assertThat(losingTheTimer).as("cases whose resolution timer the unmapped plan would drop")
          .contains(waitingCases.get("remoteDiagnosis"), waitingCases.get("handleEscalation"));

      // The dry run of the real plan: every case moves, but for the quote awaiting payment, which keeps its version.
      JsonNode dryRun = admin.get("/api/admin/migrations/" + PLAN);
      assertThat(dryRun.path("staying").findValuesAsText("businessKey")).as("cases staying on %s", currentTag)
          .containsExactly(waitingCases.get(KEPT_AT));
      assertThat(dryRun.path("staying").get(0).path("reason").asText()).isEqualTo(KEPT_AT + ": " + KEPT_BECAUSE);
      assertThat(dryRun.path("moving").findValuesAsText("businessKey")).as("cases moving to %s", nextTag)
          .containsExactlyInAnyOrderElementsOf(waitingCases.values().stream().filter(rma -> !rma.equals(waitingCases.get(KEPT_AT))).toList());
      assertThat(engine.instancesOf(v1Definition)).as("a dry run moves nothing").isEqualTo(waitingCases.size());

      System.out.printf("ModelUpgradeTest: dry run of %s: %d cases move, %d stay%n", PLAN,
          dryRun.path("moving").size(), dryRun.path("staying").size());
      JsonNode started = admin.post("/api/admin/migrations/" + PLAN);
      List<String> batches = new ArrayList<>();
      started.path("batchIds").forEach(batch -> batches.add(batch.asText()));
      assertThat(batches).as("one batch for the one source version").hasSize(1);
      assertThat(admin.status("POST", "/api/admin/migrations/" + PLAN, "admin")).as("a second move while the first runs")
          .isEqualTo(409);

      // Before the batch reaches it, the case at the bench is diagnosed and quoted: its batch job checks it again, and it stays.
      String quotedMeanwhile = waitingCases.get("diagnoseFault");
      engine.driver.diagnose(quotedMeanwhile, "LIQUID_DAMAGE", true);
      List<String> failed = engine.runBatch(batches.get(0));
      assertThat(failed).as("batch jobs that refused their case").singleElement().asString()
          .contains("'" + KEPT_AT + ":", KEPT_BECAUSE);
      // The administrator deletes the batch with its failed job in Cockpit.
      engine.management.deleteBatch(batches.get(0), true);
      Set<String> kept = Set.of(waitingCases.get(KEPT_AT), quotedMeanwhile);
      assertThat(engine.instancesOf(v1Definition)).as("left on %s", currentTag).isEqualTo(kept.size());

      for (String rma : waitingCases.values()) {
        String definition = engine.definitionOf(rma);
        assertThat(definition).as("version of %s", rma).isEqualTo(kept.contains(rma) ? v1Definition : v2Definition);
        Map<String, Date> expected = new TreeMap<>();
        dueDatesBefore.get(rma).forEach((timer, due) -> expected.put(
            definition.equals(v2Definition) && timer.equals(RENAMED_FROM) ? RENAMED_TO : timer, due));
        if (!rma.equals(quotedMeanwhile)) {
          assertThat(engine.timerDueDates(rma)).as("timers of %s keep their due dates", rma).isEqualTo(expected);
        }
      }

      // The changed form reaches a moved case at once; its next steps follow the new version.
      Task shipping = engine.openTasks(waitingCases.get("shipDevice")).get(0);
      assertThat(new String(engine.forms.getDeployedTaskForm(shipping.getId()).readAllBytes(), StandardCharsets.UTF_8))
          .contains(CHANGED_LABEL);

      for (String rma : waitingCases.values()) {
        engine.finish(rma);
      }
      for (String rma : waitingCases.values()) {
        assertThat(engine.cases.get(rma).status()).as("status of %s", rma).isEqualTo(CaseStatus.CLOSED);
        assertThat(engine.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rma).singleResult().getEndTime())
            .as("end of %s", rma).isNotNull();
      }
      assertThat(engine.passed(waitingCases.get("qualityCheck"), ADDED_TASK)).as("the task added on the way").isTrue();
      assertThat(engine.passed(waitingCases.get(KEPT_AT), ADDED_TASK)).as("not on the kept version").isFalse();

      // A case submitted after the upgrade runs on the new version and meets its changed timer.
      OffsetDateTime later = NOW.plusWeeks(9);
      engine.driver.setClock(later.toInstant());
      String fresh = engine.awaitingParcel(Applications.withInvoice(later.toLocalDate().minusMonths(2)));
      assertThat(engine.definitionOf(fresh)).isEqualTo(v2Definition);
      assertThat(engine.timerDueDates(fresh).get(Elements.SHIP_REMINDER_TIMER).toInstant())
          .as("the new version's reminder: two days, where the first version said three").isEqualTo(later.plusDays(2).toInstant());
      String movedAwaitingParcel = waitingCases.get(Elements.AWAIT_PARCEL);
      assertThat(dueDatesBefore.get(movedAwaitingParcel).get(Elements.SHIP_REMINDER_TIMER).toInstant())
          .as("the moved case's reminder: the ship-by date it was given, three days after its arrangement")
          .isEqualTo(engine.cases.get(movedAwaitingParcel).shipBy().toInstant());
      engine.finish(fresh);
      assertThat(engine.cases.get(fresh).status()).isEqualTo(CaseStatus.CLOSED);
      assertThat(engine.runtime.createIncidentQuery().count()).as("incidents").isZero();
    }
  }

  /** One case resting at each wait state, keyed by where it waits. */
  private static void bringCasesToEveryWaitState(Engine engine, Map<String, String> cases) {
    LocalDate today = NOW.toLocalDate();
    RmaApplication inWarranty = Applications.withInvoice(today.minusMonths(2));
    cases.put("remoteDiagnosis", engine.inRemoteDiagnosis(inWarranty));

    String escalated = engine.inRemoteDiagnosis(Applications.withInvoice(today.minusMonths(2)));
    engine.driver.fireTimer(escalated, Elements.RESPONSE_SLA_TIMER);
    cases.put("handleEscalation", escalated);

    String onSite = engine.inRemoteDiagnosis(Applications.withInvoice(today.minusMonths(2)));
    engine.complete(onSite, "remoteDiagnosis", Map.of("remoteOutcome", "ON_SITE"));
    cases.put("scheduleOnSiteVisit", onSite);

    String visit = engine.inRemoteDiagnosis(Applications.withInvoice(today.minusMonths(2)));
    engine.complete(visit, "remoteDiagnosis", Map.of("remoteOutcome", "ON_SITE"));
    engine.complete(visit, "scheduleOnSiteVisit", Map.of("visitScheduledFor", "2026-03-11T14:00"));
    cases.put("performOnSiteVisit", visit);

    cases.put(Elements.AWAIT_PARCEL, engine.awaitingParcel(Applications.withInvoice(today.minusMonths(2))));

    String complaint = engine.awaitingParcel(Applications.withInvoice(today.minusMonths(2)));
    engine.complaints.file(complaint, "Nobody called me back");
    engine.driver.runAsyncSteps(complaint);
    cases.put("handleComplaint", complaint);

    String inspection = engine.awaitingParcel(Applications.withInvoice(today.minusMonths(2)));
    engine.shipIn.reportArrival(inspection, "SF-IN-1");
    cases.put("inspectParcel", inspection);

    cases.put("diagnoseFault", engine.inDiagnosis(Applications.withInvoice(today.minusMonths(2))));

    String proof = engine.inDiagnosis(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false));
    engine.driver.diagnose(proof, "MANUFACTURING_DEFECT", false);
    cases.put(Elements.AWAIT_PROOF, proof);

    String verify = engine.inDiagnosis(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false));
    engine.driver.diagnose(verify, "MANUFACTURING_DEFECT", false);
    engine.warranty.submitProof(verify, "INV-PROOF-1", today.minusMonths(3), today.minusMonths(3).plusDays(2));
    cases.put("verifyProof", verify);

    String quoted = engine.inDiagnosis(Applications.withInvoice(today.minusMonths(2)));
    engine.driver.diagnose(quoted, "LIQUID_DAMAGE", true);
    cases.put(KEPT_AT, quoted);

    String paid = engine.inDiagnosis(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE,
        today.minusYears(2), today.minusYears(2), false));
    engine.driver.diagnose(paid, "MANUFACTURING_DEFECT", true);
    engine.payments.receive(paid, "PAY-" + paid, engine.cases.get(paid).quote().gross(), "CNY");
    engine.driver.runAsyncSteps(paid);
    cases.put("issueInvoice", paid);

    cases.put("repairDevice", engine.inRepair(Applications.withInvoice(today.minusMonths(2))));

    String quality = engine.inRepair(Applications.withInvoice(today.minusMonths(2)));
    engine.complete(quality, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-X200"));
    cases.put("qualityCheck", quality);

    String replace = engine.inRepair(Applications.withInvoice(today.minusMonths(2)));
    engine.complete(replace, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-X200"));
    engine.complete(replace, "qualityCheck", Map.of("qualityPassed", false));
    cases.put("replaceDevice", replace);

    String refund = engine.inRepair(Applications.withInvoice(today.minusMonths(2)));
    engine.complete(refund, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-X200"));
    engine.complete(refund, "qualityCheck", Map.of("qualityPassed", false));
    engine.complete(refund, "replaceDevice", Map.of("replacementSerialNumber", "SN-X200-NEW-1"));
    engine.complete(refund, "qualityCheck", Map.of("qualityPassed", false));
    cases.put("arrangeRefund", refund);

    String shipping = engine.inRepair(Applications.withInvoice(today.minusMonths(2)));
    engine.complete(shipping, "repairDevice", Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-X200"));
    engine.complete(shipping, "qualityCheck", Map.of("qualityPassed", true));
    cases.put("shipDevice", shipping);

    cases.forEach((waitState, rma) -> assertThat(engine.waitsOf(rma)).as("case %s", rma).contains(waitState));
  }

  /**
   * Every place of the model where a case can rest: user and receive tasks, event-based
   * gateways and the events they wait for, timer and message boundary events, and the message
   * starts of event subprocesses (a complaint or a cancellation awaited at any time).
   */
  static Set<String> waitStates(BpmnModelInstance model) {
    Set<String> waits = new TreeSet<>();
    Stream.of(UserTask.class, ReceiveTask.class, EventBasedGateway.class, IntermediateCatchEvent.class, BoundaryEvent.class)
        .flatMap(type -> model.getModelElementsByType(type).stream())
        .filter(node -> !(node instanceof BoundaryEvent boundary) || boundary.getEventDefinitions().stream()
            .anyMatch(definition -> definition instanceof MessageEventDefinition
                || definition instanceof org.camunda.bpm.model.bpmn.instance.TimerEventDefinition))
        .map(FlowNode::getId).forEach(waits::add);
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof SubProcess)
        .filter(start -> start.getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance))
        .map(StartEvent::getId).forEach(waits::add);
    return waits;
  }

  // --- the two versions -----------------------------------------------------------------

  /** The whole application; with a directory, its models and migration plans are read from there. */
  private ConfigurableApplicationContext start(Path models) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        // Beside the suite's shared application context, which this JVM may hold already: an
        // engine of another name, and no webapps, whose start-up sets the JVM's one Cockpit,
        // Tasklist and Admin to this context's, and whose close would leave them dangling.
        "--camunda.bpm.process-engine-name=upgrade", "--camunda.bpm.webapp.enabled=false",
        "--rma.demo.enabled=true", "--rma.demo.applications=false",
        "--rma.centre.zone-id=" + CENTRE.getId()));
    if (models != null) {
      arguments.add("--rma.models.location=" + models.toUri());
      arguments.add("--rma.models.migration-plans=" + models.resolve("migration").toUri() + "*.json");
    }
    return new SpringApplicationBuilder(RmaFlowApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("withoutTestConfigurations", new WithoutTestConfigurations()))
        .run(arguments.toArray(String[]::new));
  }

  /** The suite's own configurations (mail server, coverage) belong to its Spring tests, not to this application. */
  static final class WithoutTestConfigurations extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      String enclosing = reader.getClassMetadata().getEnclosingClassName();
      return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
          || enclosing != null && (enclosing.endsWith("Test") || enclosing.endsWith("IT"));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutTestConfigurations;
    }

    @Override
    public int hashCode() {
      return WithoutTestConfigurations.class.hashCode();
    }
  }

  static String nextVersion(String tag) {
    String[] parts = tag.split("\\.");
    return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
  }

  /**
   * The next version, made from today's files: the resolution timer renamed, a packing task
   * added before the device ships back, the ship reminder after two days instead of the ship-by
   * date, the shipping form's carrier field worded anew; and its migration plans.
   */
  static void writeNextVersion(Path next, String currentTag, String nextTag) throws IOException {
    Files.createDirectories(next.resolve("bpmn"));
    Files.createDirectories(next.resolve("forms"));
    Files.createDirectories(next.resolve("migration"));
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.toList()) {
        Files.copy(model, next.resolve("bpmn").resolve(model.getFileName()));
      }
    }
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        Files.copy(form, next.resolve("forms").resolve(form.getFileName()));
      }
    }
    Path lifecycle = next.resolve(RmaProcess.RESOURCE);
    String model = Files.readString(lifecycle);
    model = once(model, "camunda:versionTag=\"" + currentTag + "\"", "camunda:versionTag=\"" + nextTag + "\"");
    model = model.replace("\"" + RENAMED_FROM + "\"", "\"" + RENAMED_TO + "\"").replace(RENAMED_FROM + "_di", RENAMED_TO + "_di");
    model = once(model, "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${shipBy}</bpmn:timeDate>",
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P2D</bpmn:timeDuration>");
    model = once(model, "<bpmn:sequenceFlow id=\"Flow_ToShipDevice\" sourceRef=\"Task_PrepareReturnShipment\" targetRef=\"shipDevice\" />",
        "<bpmn:sequenceFlow id=\"Flow_ToShipDevice\" sourceRef=\"Task_PrepareReturnShipment\" targetRef=\"" + ADDED_TASK + "\" />\n"
            + "    <bpmn:userTask id=\"" + ADDED_TASK + "\" name=\"Pack device\" camunda:candidateGroups=\"logistics\">\n"
            + "      <bpmn:incoming>Flow_ToShipDevice</bpmn:incoming>\n"
            + "      <bpmn:outgoing>Flow_PackedToShipDevice</bpmn:outgoing>\n"
            + "    </bpmn:userTask>\n"
            + "    <bpmn:sequenceFlow id=\"Flow_PackedToShipDevice\" sourceRef=\"" + ADDED_TASK + "\" targetRef=\"shipDevice\" />");
    model = once(model, "<bpmn:incoming>Flow_ToShipDevice</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToNotifyShippedBack</bpmn:outgoing>",
        "<bpmn:incoming>Flow_PackedToShipDevice</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToNotifyShippedBack</bpmn:outgoing>");
    Files.writeString(lifecycle, model);
    Path form = next.resolve("forms/ship-device.form");
    Files.writeString(form, once(Files.readString(form), "\"label\": \"Carrier\"", "\"label\": \"" + CHANGED_LABEL + "\""));

    ObjectMapper json = new ObjectMapper();
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("process", RmaProcess.KEY);
    plan.put("from", List.of(currentTag));
    plan.put("to", nextTag);
    plan.put("reason", "Devices are packed before they ship back; the resolution timer has its new name.");
    plan.put("instructions", List.of(Map.of("from", RENAMED_FROM, "to", RENAMED_TO)));
    plan.put("stayOnVersion", Map.of(KEPT_AT, KEPT_BECAUSE));
    json.writeValue(next.resolve("migration/" + PLAN + ".json").toFile(), plan);
    plan.put("instructions", List.of());
    json.writeValue(next.resolve("migration/" + UNMAPPED_PLAN + ".json").toFile(), plan);
  }

  private static String once(String text, String target, String replacement) {
    assertThat(text.split(java.util.regex.Pattern.quote(target), -1)).as("occurrences of %s", target).hasSize(2);
    return text.replace(target, replacement);
  }

  // --- driving cases ----------------------------------------------------------------------

  /** The engine and the application services of one start, and how staff, carriers and gateways answer. */
  static final class Engine {
    final LifecycleDriver driver;
    final RuntimeService runtime;
    final TaskService tasks;
    final ManagementService management;
    final RepositoryService repository;
    final HistoryService history;
    final FormService forms;
    final CaseFile cases;
    final ShipInService shipIn;
    final WarrantyService warranty;
    final PaymentService payments;
    final ComplaintService complaints;

    Engine(ConfigurableApplicationContext context) {
      driver = context.getBean(LifecycleDriver.class);
      runtime = context.getBean(RuntimeService.class);
      tasks = context.getBean(TaskService.class);
      management = context.getBean(ManagementService.class);
      repository = context.getBean(RepositoryService.class);
      history = context.getBean(HistoryService.class);
      forms = context.getBean(FormService.class);
      cases = context.getBean(CaseFile.class);
      shipIn = context.getBean(ShipInService.class);
      warranty = context.getBean(WarrantyService.class);
      payments = context.getBean(PaymentService.class);
      complaints = context.getBean(ComplaintService.class);
    }

    String latestDefinition() {
      return repository.createProcessDefinitionQuery().processDefinitionKey(RmaProcess.KEY).latestVersion().singleResult().getId();
    }

    long instancesOf(String definition) {
      return runtime.createProcessInstanceQuery().processDefinitionId(definition).count();
    }

    String definitionOf(String rma) {
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rma).singleResult().getProcessDefinitionId();
    }

    String inRemoteDiagnosis(RmaApplication application) {
      return driver.submit(application).getBusinessKey();
    }

    String awaitingParcel(RmaApplication application) {
      String rma = inRemoteDiagnosis(application);
      driver.sendIn(rma);
      return rma;
    }

    String inDiagnosis(RmaApplication application) {
      String rma = awaitingParcel(application);
      driver.receiveIntact(rma);
      return rma;
    }

    String inRepair(RmaApplication application) {
      String rma = inDiagnosis(application);
      driver.diagnose(rma, "MANUFACTURING_DEFECT", true);
      return rma;
    }

    void complete(String rma, String taskKey, Map<String, Object> results) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(rma).taskDefinitionKey(taskKey).singleResult();
      assertThat(task).as("open task %s of %s", taskKey, rma).isNotNull();
      tasks.complete(task.getId(), results);
      driver.runAsyncSteps(rma);
    }

    List<Task> openTasks(String rma) {
      return tasks.createTaskQuery().processInstanceBusinessKey(rma).orderByTaskCreateTime().asc().list();
    }

    /** Where the case rests: its active activities, and the timers and messages it waits for. */
    Set<String> waitsOf(String rma) {
      String instance = driver.processInstanceId(rma);
      Set<String> waits = new TreeSet<>(runtime.getActiveActivityIds(instance));
      timerDueDates(rma).keySet().forEach(waits::add);
      runtime.createEventSubscriptionQuery().processInstanceId(instance).list().stream()
          .map(EventSubscription::getActivityId).forEach(waits::add);
      return waits;
    }

    /** The case's timers by element, with their due dates. */
    Map<String, Date> timerDueDates(String rma) {
      Map<String, Date> timers = new TreeMap<>();
      for (Job job : management.createJobQuery().processInstanceId(driver.processInstanceId(rma)).timers().list()) {
        timers.put(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId(),
            job.getDuedate());
      }
      return timers;
    }

    boolean passed(String rma, String activityId) {
      return history.createHistoricActivityInstanceQuery().processInstanceId(driver.processInstanceId(rma))
          .activityId(activityId).finished().count() > 0;
    }

    /**
     * The batch's jobs that are due, as the job executor would run them: its seed, each
     * migration, its monitor, and again a job that failed, until its retries are used up;
     * returns the last failure of each job that refused its case.
     */
    List<String> runBatch(String batchId) {
      Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
      assertThat(batch).as("batch %s", batchId).isNotNull();
      Map<String, String> failures = new TreeMap<>();
      for (int round = 0; round < 100; round++) {
        List<Job> jobs = Stream.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())
            .flatMap(definition -> management.createJobQuery().jobDefinitionId(definition).executable().list().stream()).toList();
        if (jobs.isEmpty()) {
          return List.copyOf(failures.values());
        }
        for (Job job : jobs) {
          try {
            management.executeJob(job.getId());
          } catch (org.camunda.bpm.engine.ProcessEngineException refused) {
            failures.put(job.getId(), refused.getMessage());
          }
        }
      }
      throw new AssertionError("batch " + batchId + " did not finish");
    }

    /**
     * Works the case to its end the way the centre would: open tasks completed with what their
     * forms send, a parcel, a proof or a payment delivered when it is awaited, and otherwise the
     * earliest timer fired.
     */
    void finish(String rma) {
      for (int step = 0; step < 60; step++) {
        driver.runAsyncSteps(rma);
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(rma).count() == 0) {
          return;
        }
        List<Task> open = openTasks(rma);
        if (!open.isEmpty()) {
          Task task = open.get(0);
          tasks.complete(task.getId(), answers(rma, task.getTaskDefinitionKey()));
          continue;
        }
        String instance = driver.processInstanceId(rma);
        Set<String> awaited = new TreeSet<>();
        runtime.createEventSubscriptionQuery().processInstanceId(instance).eventType("message").list()
            .forEach(subscription -> awaited.add(subscription.getEventName()));
        if (awaited.contains(RmaProcess.Messages.PARCEL_ARRIVED)) {
          shipIn.reportArrival(rma, "SF-IN-" + rma);
        } else if (awaited.contains(RmaProcess.Messages.PROOF_SUBMITTED)) {
          warranty.submitProof(rma, "INV-" + rma, NOW.toLocalDate().minusMonths(3), NOW.toLocalDate().minusMonths(3));
        } else if (awaited.contains(RmaProcess.Messages.PAYMENT_RECEIVED)) {
          payments.receive(rma, "PAY-" + rma, cases.get(rma).quote().gross(), "CNY");
        } else {
          Job timer = management.createJobQuery().processInstanceId(instance).timers().list().stream()
              .min(Comparator.comparing(Job::getDuedate))
              .orElseThrow(() -> new AssertionError(rma + " waits for nothing this test can give: " + waitsOf(rma)));
          ClockUtil.setCurrentTime(timer.getDuedate());
          management.executeJob(timer.getId());
        }
      }
      throw new AssertionError(rma + " did not end within 60 steps; it waits at " + waitsOf(rma));
    }

    private Map<String, Object> answers(String rma, String taskKey) {
      LocalDateTime tomorrow = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CENTRE).plusDays(1).withHour(14)
          .withMinute(0).withSecond(0).withNano(0);
      return switch (taskKey) {
        case "remoteDiagnosis" -> Map.of("remoteOutcome", "SEND_IN");
        case "handleEscalation" -> Map.of("escalationNote", "Called the customer");
        case "scheduleOnSiteVisit" -> Map.of("visitScheduledFor", tomorrow.toString());
        case "performOnSiteVisit" -> Map.of("visitOutcome", "RESOLVED");
        case "inspectParcel" -> Map.of("parcelCondition", "INTACT", "serialMatches", true);
        case "diagnoseFault" -> Map.of("faultCause", "MANUFACTURING_DEFECT", "proofOfPurchaseValid", true,
            "repairMethod", "PART_REPLACEMENT", "partsCost", 120, "labourCost", 30.5);
        case "verifyProof" -> Map.of("proofOfPurchaseValid", true);
        case "repairDevice" -> Map.of("repairMethod", "PART_REPLACEMENT", "replacedParts", "MB-X200");
        case "qualityCheck" -> Map.of("qualityPassed", true);
        case "replaceDevice" -> Map.of("replacementSerialNumber", "SN-NEW-" + rma);
        case "shipDevice" -> Map.of("returnCarrier", "YTO", "returnTrackingNumber", "YT-" + rma);
        case "issueInvoice" -> Map.of("vatInvoiceNumber", "VAT-" + rma);
        case "handleComplaint" -> Map.of("complaintOutcome", "ANSWERED", "complaintResponse", "Sorry: we called you back today");
        case "arrangeRefund" -> Map.of("refundReference", "RF-" + rma);
        case ADDED_TASK -> Map.of();
        default -> throw new AssertionError("No answer for task " + taskKey + " of " + rma);
      };
    }
  }

  /** The administrator, through the API with the demo login. */
  static final class Admin {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    Admin(int port) {
      this.port = port;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
      return call("GET", path, "admin", 200);
    }

    JsonNode post(String path) throws IOException, InterruptedException {
      return call("POST", path, "admin", 202);
    }

    int status(String method, String path, String login) throws IOException, InterruptedException {
      return send(method, path, login).statusCode();
    }

    private JsonNode call(String method, String path, String login, int expected) throws IOException, InterruptedException {
      HttpResponse<String> response = send(method, path, login);
      assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
      return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String login) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8)))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
