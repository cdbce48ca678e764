/**
 * The registry of sold units. Owns {@code product_unit}.
 */
@ApplicationModule(displayName = "Product registry", allowedDependencies = {"support"})
package io.rmaflow.product;

import org.springframework.modulith.ApplicationModule;
