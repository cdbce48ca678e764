/**
 * The demo setup: logins in the model's groups, the demo portal's API key, product units,
 * applications and service contracts.
 */
@ApplicationModule(displayName = "Demo setup",
    allowedDependencies = {"contract", "customer", "intake", "process", "product", "report", "security", "support"})
package io.rmaflow.demo;

import org.springframework.modulith.ApplicationModule;
