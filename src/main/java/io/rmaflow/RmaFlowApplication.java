package io.rmaflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** RMA Flow: repair and returns for after-sales service centres. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RmaFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(RmaFlowApplication.class, args);
  }
}
