package io.rmaflow.sla;

import io.rmaflow.support.RmaProperties;
import java.util.HashSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WorkingTimeConfiguration {

  @Bean
  WorkingTimeCalendar workingTimeCalendar(RmaProperties properties) {
    RmaProperties.WorkingTime workingTime = properties.workingTime();
    return new WorkingTimeCalendar(properties.centre().zoneId(), workingTime.dayStart(), workingTime.dayEnd(),
        workingTime.days(), new HashSet<>(workingTime.holidays()), new HashSet<>(workingTime.makeUpWorkingDays()));
  }
}
