/**
 * Customer notices by e-mail, each sent once per step; the closing notice follows
 * {@link io.rmaflow.rmacase.CaseClosed}. Owns {@code customer_notice}.
 */
@ApplicationModule(displayName = "Customer notices", allowedDependencies = {"access", "process", "rmacase", "support"})
package io.rmaflow.notification;

import org.springframework.modulith.ApplicationModule;
