/**
 * The REST API for external systems: controllers that call the modules' application
 * services, problem details, security and OpenAPI.
 */
@ApplicationModule(displayName = "REST API", allowedDependencies = {"access", "cancellation", "complaint", "contract", "customer", "feedback", "insight", "intake", "notification", "process", "product", "repair", "report", "rmacase", "security", "shipping", "sla", "support", "upgrade", "warranty"})
package io.rmaflow.api;

import org.springframework.modulith.ApplicationModule;
