/**
 * Cancellation by the customer until the parcel has arrived.
 */
@ApplicationModule(displayName = "Cancellation", allowedDependencies = {"process", "rmacase", "support"})
package io.rmaflow.cancellation;

import org.springframework.modulith.ApplicationModule;
