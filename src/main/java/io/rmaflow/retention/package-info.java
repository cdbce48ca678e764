/**
 * Removal of closed cases' personal data after the retention period.
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {"rmacase", "support"})
package io.rmaflow.retention;

import org.springframework.modulith.ApplicationModule;
