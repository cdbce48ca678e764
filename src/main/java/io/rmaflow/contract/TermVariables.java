package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What a new term's timers wait for, and its billing starting over at the term's first period. */
final class TermVariables {

  private TermVariables() {}

  static void set(DelegateExecution execution, ContractTermService.TermMoments moments) {
    RENEWAL.set(execution, RenewalDecision.UNDECIDED);
    RENEWAL_REMINDER_AT.set(execution, moments.renewalReminderAt());
    LAST_RENEWAL_REMINDER_AT.set(execution, moments.lastRenewalReminderAt());
    TERM_ENDS_AT.set(execution, moments.termEndsAt());
    PERIOD_TO.set(execution, null);
  }
}
