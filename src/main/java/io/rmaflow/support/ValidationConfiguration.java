package io.rmaflow.support;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Not in the future" means the service centre's today, on the same clock as the engine,
 * whatever time zone the server runs in.
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

  @Bean
  ValidationConfigurationCustomizer centreClockForValidation(RmaClock clock) {
    return configuration -> configuration.clockProvider(clock::asClock);
  }
}
