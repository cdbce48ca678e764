package io.rmaflow.intake;

/** The outcome of a submission: the case, and whether this call created it or repeated an earlier one. */
public record Submission(String rmaNumber, boolean created) {}
