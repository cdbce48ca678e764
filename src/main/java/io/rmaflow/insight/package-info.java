/**
 * Figures for process owners on cases and service contracts, read through the other modules'
 * query services and its own record of closed cases, kept from
 * {@link io.rmaflow.rmacase.CaseClosed}. Owns {@code insight_turnaround}.
 */
@ApplicationModule(displayName = "Insight", allowedDependencies = {"contract", "process", "rmacase", "sla", "support"})
package io.rmaflow.insight;

import org.springframework.modulith.ApplicationModule;
