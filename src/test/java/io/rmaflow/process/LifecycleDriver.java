package io.rmaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.shipping.ShipInService;
import io.rmaflow.support.FormTask;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives cases (and contracts, by their number) through their process the way the job
 * executor and staff would, but one explicit step at a time: async continuations run on
 * request, timers fire only when a test moves the clock to them.
 */
@Component
public class LifecycleDriver {

  private static final int MAX_JOBS_PER_STEP = 50;

  private final SubmitRmaService submitRmaService;
  private final ShipInService shipIn;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;

  LifecycleDriver(SubmitRmaService submitRmaService, ShipInService shipIn, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService, HistoryService historyService) {
    this.submitRmaService = submitRmaService;
    this.shipIn = shipIn;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  /**
   * Submits the application and runs the case to its first wait state. The instance is
   * taken while it waits at its first async step, so assertions can follow it to its end.
   */
  public ProcessInstance submit(RmaApplication application) {
    String rmaNumber = submitRmaService.submit(application);
    ProcessInstance instance = processInstance(rmaNumber);
    runAsyncSteps(rmaNumber);
    return instance;
  }

  public ProcessInstance processInstance(String rmaNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rmaNumber).singleResult();
  }

  /** The historic process instance, also after the case ended. */
  public String processInstanceId(String rmaNumber) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(rmaNumber).singleResult().getId();
  }

  /** Runs the case's pending async continuations (not its timers), as the job executor would. */
  public void runAsyncSteps(String rmaNumber) {
    runAsyncStepsOf(processInstanceId(rmaNumber));
  }

  /** The same for an instance without a business key, such as a report run. */
  public void runAsyncStepsOf(String processInstanceId) {
    for (int executed = 0; ; executed++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      assertThat(executed).as("async steps of %s", processInstanceId).isLessThan(MAX_JOBS_PER_STEP);
      managementService.executeJob(jobs.get(0).getId());
    }
  }

  public Task task(String rmaNumber, FormTask userTask) {
    Task task = taskService.createTaskQuery()
        .processInstanceBusinessKey(rmaNumber).taskDefinitionKey(userTask.id()).singleResult();
    assertThat(task).as("open task %s of %s", userTask.id(), rmaNumber).isNotNull();
    return task;
  }

  /** Completes the case's open user task with the given results, then runs the async steps that follow. */
  public void complete(String rmaNumber, FormTask userTask, Map<String, Object> results) {
    taskService.complete(task(rmaNumber, userTask).getId(), results);
    runAsyncSteps(rmaNumber);
  }

  // --- steps many paths share -------------------------------------------------------------

  /** Remote triage sends the device in: the case waits for its parcel. */
  public void sendIn(String rmaNumber) {
    complete(rmaNumber, RmaProcess.UserTask.REMOTE_DIAGNOSIS, Map.of(RmaProcess.Variables.REMOTE_OUTCOME.name(), "SEND_IN"));
  }

  /** The parcel arrives and is inspected intact: the case is at the technicians' diagnosis. */
  public void receiveIntact(String rmaNumber) {
    shipIn.reportArrival(rmaNumber, "SF-IN-1");
    complete(rmaNumber, RmaProcess.UserTask.INSPECT_PARCEL, Map.of(RmaProcess.Variables.PARCEL_CONDITION.name(), "INTACT",
        RmaProcess.Variables.SERIAL_MATCHES.name(), true));
  }

  /** What the diagnosis form sends (numbers arrive as Integer or Double): a part replacement of 120 + 30.5. */
  public void diagnose(String rmaNumber, String faultCause, boolean proofValid) {
    Map<String, Object> results = new HashMap<>();
    results.put(RmaProcess.Variables.FAULT_CAUSE.name(), faultCause);
    results.put(RmaProcess.Variables.PROOF_OF_PURCHASE_VALID.name(), proofValid);
    results.put(RmaProcess.Variables.REPAIR_METHOD.name(), "PART_REPLACEMENT");
    results.put(RmaProcess.Variables.PARTS_COST.name(), 120);
    results.put(RmaProcess.Variables.LABOUR_COST.name(), 30.5);
    complete(rmaNumber, RmaProcess.UserTask.DIAGNOSE_FAULT, results);
  }

  public Job timer(String rmaNumber, String timerElementId) {
    Job timer = managementService.createJobQuery()
        .processInstanceId(processInstanceId(rmaNumber)).timers().activityId(timerElementId).singleResult();
    assertThat(timer).as("timer %s of %s", timerElementId, rmaNumber).isNotNull();
    return timer;
  }

  /** Moves the clock to the timer's due date, fires it and runs the async steps that follow. */
  public void fireTimer(String rmaNumber, String timerElementId) {
    Job timer = timer(rmaNumber, timerElementId);
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
    runAsyncSteps(rmaNumber);
  }

  public void setClock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** Back to the suite's running clock (see {@link TestClock}). */
  public void resetClock() {
    TestClock.reset();
  }
}
