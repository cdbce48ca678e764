package io.rmaflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * RMA Flow: repair and returns for after-sales service centres.
 *
 * <p>Deployed as a process application so that models and forms keep classpath-relative
 * resource names (see {@code META-INF/processes.xml}), whether run from the IDE or the jar.
 */
@SpringBootApplication
@EnableProcessApplication("rma-flow")
@ConfigurationPropertiesScan
public class RmaFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(RmaFlowApplication.class, args);
  }
}
