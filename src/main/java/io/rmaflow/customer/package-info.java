/**
 * The customer as repair applications and service contracts name them. Owns no table: the
 * case file and the contract file each keep their customer's details.
 */
@ApplicationModule(displayName = "Customer", allowedDependencies = {})
package io.rmaflow.customer;

import org.springframework.modulith.ApplicationModule;
