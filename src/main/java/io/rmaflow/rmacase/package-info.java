/**
 * The case file: each case's facts, status and timeline, written by typed methods of
 * {@link io.rmaflow.rmacase.CaseFile} and read through it and
 * {@link io.rmaflow.rmacase.CaseQueryService}. Closing a case publishes
 * {@link io.rmaflow.rmacase.CaseClosed}; filing one publishes {@link io.rmaflow.rmacase.CaseOpened}, removing
 * its personal data {@link io.rmaflow.rmacase.PersonalDataRemoved}. Owns {@code rma_case},
 * {@code rma_timeline} and {@code case_document}.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"process", "product", "support"})
package io.rmaflow.rmacase;

import org.springframework.modulith.ApplicationModule;
