/**
 * The demo setup: groups, logins, authorizations, filters, product units and applications.
 */
@ApplicationModule(displayName = "Demo setup", allowedDependencies = {"intake", "process", "product", "support"})
package io.rmaflow.demo;

import org.springframework.modulith.ApplicationModule;
