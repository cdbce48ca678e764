/**
 * Getting the device in (step 3) and back (step 10).
 */
@ApplicationModule(displayName = "Shipping", allowedDependencies = {"notification", "process", "rmacase", "support", "tasklist"})
package io.rmaflow.shipping;

import org.springframework.modulith.ApplicationModule;
