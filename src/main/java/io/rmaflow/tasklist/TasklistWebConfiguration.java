package io.rmaflow.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What Tasklist's forms receive, at both of the engine's REST doors. */
@Configuration(proxyBeanMethods = false)
class TasklistWebConfiguration {

  @Bean
  FilterRegistrationBean<FormTextAsText> formTextAsText(TaskService taskService, FormTasks tasks, FormRules rules,
      ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new FormTextAsText(taskService, tasks, rules, json));
    registration.setName("form-text-as-text");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // Outside the engine's authentication filter: the task is looked up after the caller's engine login has ended.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
