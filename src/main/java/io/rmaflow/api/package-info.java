/**
 * The REST API for external systems: controllers that call the modules' application
 * services, problem details, security and OpenAPI.
 */
@ApplicationModule(displayName = "REST API", allowedDependencies = {"cancellation", "complaint", "contract", "customer", "feedback", "insight", "intake", "process", "product", "repair", "rmacase", "shipping", "sla", "support", "warranty"})
package io.rmaflow.api;

import org.springframework.modulith.ApplicationModule;
