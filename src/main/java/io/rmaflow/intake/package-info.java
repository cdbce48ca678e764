/**
 * Submission of repair applications and the eligibility check (contract step 1). Owns
 * {@code submission_idempotency} and the RMA number sequence.
 */
@ApplicationModule(displayName = "Intake",
    allowedDependencies = {"contract", "customer", "process", "product", "rmacase", "sla", "support"})
package io.rmaflow.intake;

import org.springframework.modulith.ApplicationModule;
