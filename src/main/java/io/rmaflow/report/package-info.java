/**
 * The monthly service report of each service contract: its figures, the e-mail with its
 * chart, the review of a month below target, and the engine process that runs them. Owns
 * {@code service_report}.
 */
@ApplicationModule(displayName = "Service reports",
    allowedDependencies = {"complaint", "contract", "customer", "notification", "process", "rmacase", "sla", "support"})
package io.rmaflow.report;

import org.springframework.modulith.ApplicationModule;
