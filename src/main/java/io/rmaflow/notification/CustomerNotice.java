package io.rmaflow.notification;

import io.rmaflow.rmacase.RmaCase;

/** A notice to one customer about one case. */
public record CustomerNotice(NoticeType type, RmaCase rmaCase) {

  public String rmaNumber() {
    return rmaCase.rmaNumber();
  }

  public String locale() {
    return rmaCase.customer().locale();
  }

  public String recipient() {
    return rmaCase.customer().email();
  }
}
