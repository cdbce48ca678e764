package io.rmaflow;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage: the lifecycle's path tests must reach every flow node and sequence
 * flow of the model. Other test classes do not count towards it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CoverageTestConfiguration {

  /** Primary: the coverage library also declares a default bean of this type. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .addInclusionPatternForTestClasses("*LifecycleProcessTest")
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
