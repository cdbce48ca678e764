package io.rmaflow.sla;

import io.rmaflow.process.RmaProcess.UserTask;

/**
 * The service levels the centre promises (service terms 002), and the task each one watches.
 * How long each allows is configured ({@code rma.sla.*}); {@link SlaPlan#promise} words it.
 */
public enum ServiceLevel {
  /** Remote triage picked up (claimed) within the response time of submission. */
  RESPONSE(UserTask.REMOTE_DIAGNOSIS),
  /** Remote triage resolved within the priority's working hours. */
  RESOLUTION(UserTask.REMOTE_DIAGNOSIS),
  /** A complaint answered within the configured working days. */
  COMPLAINT(UserTask.HANDLE_COMPLAINT);

  private final UserTask task;

  ServiceLevel(UserTask task) {
    this.task = task;
  }

  public UserTask task() {
    return task;
  }
}
