/**
 * The repair lifecycle's shared kernel: {@link io.rmaflow.process.RmaProcess} (process key,
 * element ids, messages, groups, user tasks, typed variables), the vocabulary every feature
 * uses (priority, outcomes, causes, coverage, resolution), and delivering messages to a case.
 * Depends on no feature but the product registry's names. Owns no table.
 */
@ApplicationModule(displayName = "Lifecycle kernel", allowedDependencies = {"product", "support"})
package io.rmaflow.process;

import org.springframework.modulith.ApplicationModule;
