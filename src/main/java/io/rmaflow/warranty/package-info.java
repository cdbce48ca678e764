/**
 * The warranty decision between its decision tables, and proof of purchase (step 6).
 */
@ApplicationModule(displayName = "Warranty", allowedDependencies = {"notification", "process", "rmacase", "support"})
package io.rmaflow.warranty;

import org.springframework.modulith.ApplicationModule;
