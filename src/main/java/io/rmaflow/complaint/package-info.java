/**
 * Complaints at any time while a case is open.
 */
@ApplicationModule(displayName = "Complaints", allowedDependencies = {"process", "rmacase", "sla", "support"})
package io.rmaflow.complaint;

import org.springframework.modulith.ApplicationModule;
