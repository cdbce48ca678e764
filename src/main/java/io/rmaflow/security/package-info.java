/**
 * Who may do what, at every door: the authorization model (groups, grants, Tasklist filters),
 * the engine's guards, machine clients' API keys, and failed logins throttled per address.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"contract", "process", "report", "support"})
package io.rmaflow.security;

import org.springframework.modulith.ApplicationModule;
