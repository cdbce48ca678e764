/**
 * Service contracts: paid maintenance and support agreements, from registration through
 * payment, audit, billing with late fees, suspension, renewal and extension to their end, as
 * the process {@code service-contract} (ADR 17). Owns {@code service_contract},
 * {@code contract_unit}, {@code contract_unit_lock}, {@code contract_period},
 * {@code contract_payment}, {@code contract_timeline}, {@code contract_idempotency} and {@code contract_outage}.
 */
@ApplicationModule(displayName = "Service contracts",
    allowedDependencies = {"customer", "notification", "process", "sla", "support"})
package io.rmaflow.contract;

import org.springframework.modulith.ApplicationModule;
