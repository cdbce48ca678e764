/**
 * The customer's access to their case without an account: one link per case, signed, kept only
 * as a hash, ended by a new one, expiring after the case's retention. Owns
 * {@code customer_link} and {@code portal_key}.
 */
@ApplicationModule(displayName = "Customer links", allowedDependencies = {"rmacase", "support"})
package io.rmaflow.access;

import org.springframework.modulith.ApplicationModule;
