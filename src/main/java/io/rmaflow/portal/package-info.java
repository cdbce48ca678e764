/**
 * The customer's own pages, rendered on the server: the application with the service
 * agreement to accept, the case page with the actions the case waits for, the packing slip.
 * Reached by the case's link only; every action goes through the same application service
 * as the API's.
 */
@ApplicationModule(displayName = "Customer pages", allowedDependencies = {"access", "cancellation", "complaint",
    "customer", "feedback", "intake", "process", "product", "repair", "rmacase", "shipping", "support", "warranty"})
package io.rmaflow.portal;

import org.springframework.modulith.ApplicationModule;
