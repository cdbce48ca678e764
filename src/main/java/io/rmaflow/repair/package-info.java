/**
 * Quotes and payments of paid repairs (step 7). Owns {@code payment}.
 */
@ApplicationModule(displayName = "Paid repair", allowedDependencies = {"notification", "process", "rmacase", "support"})
package io.rmaflow.repair;

import org.springframework.modulith.ApplicationModule;
