package io.rmaflow.rmacase;

/** A case was filed. Published inside the submission's transaction: listeners commit or roll back with it. */
public record CaseOpened(String rmaNumber) {}
