/**
 * Service levels in working time: due dates, escalations, breaches and each case's
 * service-level clock, which follows {@link io.rmaflow.rmacase.CaseClosed}. Owns
 * {@code sla_breach} and {@code sla_case}.
 */
@ApplicationModule(displayName = "Service levels", allowedDependencies = {"process", "rmacase", "support"})
package io.rmaflow.sla;

import org.springframework.modulith.ApplicationModule;
