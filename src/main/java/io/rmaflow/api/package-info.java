/**
 * The REST API for external systems: controllers that call the modules' application
 * services, problem details, security and OpenAPI.
 */
@ApplicationModule(displayName = "REST API", allowedDependencies = {"cancellation", "complaint", "feedback", "insight", "intake", "process", "product", "repair", "rmacase", "shipping", "sla", "warranty"})
package io.rmaflow.api;

import org.springframework.modulith.ApplicationModule;
