/**
 * The demo setup: groups, logins, authorizations, filters, product units, applications and
 * service contracts.
 */
@ApplicationModule(displayName = "Demo setup",
    allowedDependencies = {"contract", "customer", "intake", "process", "product", "report", "support"})
package io.rmaflow.demo;

import org.springframework.modulith.ApplicationModule;
