/**
 * What Tasklist shows on each task, and task results checked against their form's rules.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = {"contract", "process", "rmacase", "support"})
package io.rmaflow.tasklist;

import org.springframework.modulith.ApplicationModule;
