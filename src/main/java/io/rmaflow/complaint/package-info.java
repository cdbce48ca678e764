/**
 * Complaints at any time while a case is open: filing, the manager's reply to the customer,
 * a refund on complaint. Owns {@code complaint}, each complaint's clock for the service report.
 */
@ApplicationModule(displayName = "Complaints",
    allowedDependencies = {"notification", "process", "repair", "rmacase", "sla", "support", "tasklist"})
package io.rmaflow.complaint;

import org.springframework.modulith.ApplicationModule;
