package io.rmaflow.rmacase;

import io.rmaflow.process.Resolution;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.rmacase.CaseDetails.Deadlines;
import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Reads cases for the API and reports: the case file, and the deadlines from the engine's timers. */
@Service
public class CaseQueryService {

  private final RmaCaseRepository cases;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final ZoneId zone;
  /** Job definitions never change once deployed; a new deployment brings new ids. */
  private final Map<String, String> timerActivityByJobDefinition = new ConcurrentHashMap<>();

  CaseQueryService(RmaCaseRepository cases, RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, RmaProperties properties) {
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.zone = properties.centre().zoneId();
  }

  /** @throws UnknownRmaException when there is no such case */
  public CaseStatus status(String rmaNumber) {
    return rmaCase(rmaNumber).status();
  }

  /** The case file alone, without its deadlines or timeline. @throws UnknownRmaException when there is no such case */
  public RmaCase rmaCase(String rmaNumber) {
    return cases.get(rmaNumber);
  }

  public CaseDetails get(String rmaNumber) {
    RmaCase rmaCase = cases.get(rmaNumber);
    return new CaseDetails(rmaCase, deadlines(rmaCase), cases.timeline(rmaNumber));
  }

  /**
   * A case as its submission committed it. Its lifecycle then waits before its first step, an
   * asynchronous one, so it has no timers or tasks yet and the engine need not be asked.
   */
  public CaseDetails justFiled(String rmaNumber) {
    return new CaseDetails(cases.get(rmaNumber), Deadlines.NONE, cases.timeline(rmaNumber));
  }

  public List<RmaCase> search(CaseStatus status, String serialNumber, String email, int page, int size) {
    return cases.search(status, serialNumber, email, page * size, size);
  }

  public long count(CaseStatus status, String serialNumber, String email) {
    return cases.count(status, serialNumber, email);
  }

  /** Open cases per status; statuses without a case are left out. */
  public Map<CaseStatus, Long> openCasesByStatus() {
    return cases.countOpenByStatus();
  }

  /**
   * The unit's latest case closed {@code REPAIRED} or {@code REPLACED} at or after {@code since}:
   * a device back after it is a rework (service terms 001 6).
   */
  public Optional<RmaCase> reworkCandidate(String serialNumber, OffsetDateTime since) {
    return cases.latestClosed(serialNumber, List.of(Resolution.REPAIRED, Resolution.REPLACED), since);
  }

  /** The cases a contract entitled that were open at some time in {@code [from, until)}. */
  public List<RmaCase> entitledBy(String contractNumber, OffsetDateTime from, OffsetDateTime until) {
    return cases.entitledBy(contractNumber, from, until);
  }

  /** RMA numbers of the cases in a status. */
  public List<String> inStatus(CaseStatus status) {
    return cases.inStatus(status);
  }

  /** Cases waiting for the device for which no shipment was reported yet. */
  public List<String> awaitingDeviceNotShipped() {
    return cases.awaitingDeviceNotShipped();
  }

  /**
   * The instants the engine's timers will fire. The ship-by date stays a deadline after its
   * reminder went out, for as long as the case waits for the device.
   */
  private CaseDetails.Deadlines deadlines(RmaCase rmaCase) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(RmaProcess.KEY).processInstanceBusinessKey(rmaCase.rmaNumber()).singleResult();
    if (instance == null) {
      return Deadlines.NONE;
    }
    // One query for all the case's timers: every case read (and each API answer) needs them.
    Map<String, OffsetDateTime> timers = new HashMap<>();
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
      String activityId = timerActivity(instance.getProcessDefinitionId(), job.getJobDefinitionId());
      if (activityId != null) {
        timers.putIfAbsent(activityId, job.getDuedate().toInstant().atZone(zone).toOffsetDateTime());
      }
    }
    OffsetDateTime autoCloseAt = timers.get(Elements.PARCEL_NOT_RECEIVED_TIMER);
    OffsetDateTime shipBy = timers.get(Elements.SHIP_REMINDER_TIMER);
    if (shipBy == null && autoCloseAt != null) {
      shipBy = rmaCase.shipBy();
    }
    List<CaseDetails.TaskDeadline> tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
        .dueAfter(new Date(0)).orderByDueDate().asc().list().stream()
        .map(task -> new CaseDetails.TaskDeadline(task.getTaskDefinitionKey(), task.getName(),
            task.getDueDate().toInstant().atZone(zone).toOffsetDateTime()))
        .toList();
    return new CaseDetails.Deadlines(timers.get(Elements.RESPONSE_SLA_TIMER), shipBy, autoCloseAt,
        timers.get(Elements.PROOF_DEADLINE_TIMER), timers.get(Elements.PAYMENT_DEADLINE_TIMER), tasks);
  }

  private String timerActivity(String processDefinitionId, String jobDefinitionId) {
    if (jobDefinitionId == null) {
      return null;
    }
    if (!timerActivityByJobDefinition.containsKey(jobDefinitionId)) {
      for (JobDefinition definition : managementService.createJobDefinitionQuery()
          .processDefinitionId(processDefinitionId).list()) {
        timerActivityByJobDefinition.put(definition.getId(), definition.getActivityId());
      }
    }
    return timerActivityByJobDefinition.get(jobDefinitionId);
  }
}
