/**
 * The customer's rating of a closed case.
 */
@ApplicationModule(displayName = "Feedback", allowedDependencies = {"process", "rmacase"})
package io.rmaflow.feedback;

import org.springframework.modulith.ApplicationModule;
