package io.rmaflow.sla;

import io.rmaflow.process.RmaProcess.UserTask;

/** The service levels the centre promises (service terms 002), and the task each one watches. */
public enum ServiceLevel {
  /** Remote triage picked up (claimed) within 4 working hours of submission. */
  RESPONSE(UserTask.REMOTE_DIAGNOSIS, "first response within 4 working hours"),
  /** Remote triage resolved within the priority's working hours. */
  RESOLUTION(UserTask.REMOTE_DIAGNOSIS, "remote triage resolved within its priority's working hours"),
  /** A complaint answered within 2 working days. */
  COMPLAINT(UserTask.HANDLE_COMPLAINT, "complaint answered within 2 working days");

  private final UserTask task;
  private final String promise;

  ServiceLevel(UserTask task, String promise) {
    this.task = task;
    this.promise = promise;
  }

  public UserTask task() {
    return task;
  }

  public String promise() {
    return promise;
  }
}
