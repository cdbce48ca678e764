package io.rmaflow.rmacase;

/**
 * A closed case's personal data was removed (service agreement 3.7). Published inside the
 * removal's transaction, so what other modules keep about the customer goes with it.
 */
public record PersonalDataRemoved(String rmaNumber) {}
