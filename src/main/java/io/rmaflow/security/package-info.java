/**
 * The engine REST API behind HTTP Basic authentication.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {})
package io.rmaflow.security;

import org.springframework.modulith.ApplicationModule;
