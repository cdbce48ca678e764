/**
 * Shared infrastructure every module may use: the centre's clock and settings, the money rule
 * ({@link io.rmaflow.support.Price}), typed process variables, transactions that repeat on
 * conflicts, and the engine plugins (deployment of {@code bpmn/} and {@code forms/}, incident
 * messages, schema lock, task-completion retry). Owns no table.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {})
package io.rmaflow.support;

import org.springframework.modulith.ApplicationModule;
