/**
 * Model upgrades while cases are open: the declared migration plans beside the models, a dry
 * run that tells which open cases would move to the new version and which stay (and why),
 * and the move itself as one of Camunda's batches, watched in Cockpit.
 */
@ApplicationModule(displayName = "Upgrade", allowedDependencies = {"support"})
package io.rmaflow.upgrade;

import org.springframework.modulith.ApplicationModule;
