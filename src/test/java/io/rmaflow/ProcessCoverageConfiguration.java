package io.rmaflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The process tests' coverage gate, by camunda-process-test-coverage itself: each test class
 * named {@code *ProcessTest} must reach every flow node and sequence flow of the processes it
 * runs, or the class fails with its coverage; the report is under
 * {@code target/process-test-coverage/}. All test classes share one application context, and
 * the library reads its settings from that context before each test class, so the settings
 * are made anew for the class about to run: the gate for process tests, over the process each
 * names with {@link CoversProcess}; coverage only for the rest.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageConfiguration {

  /** Primary over the library's own default bean, which asserts nothing. */
  @Bean
  @Primary
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    ProcessEngineCoverageProperties.Builder properties = ProcessEngineCoverageProperties.builder();
    Class<?> testClass = CurrentTestClass.current;
    if (testClass != null && testClass.getSimpleName().endsWith("ProcessTest")) {
      CoversProcess covered = testClass.getAnnotation(CoversProcess.class);
      if (covered == null) {
        throw new IllegalStateException(testClass.getSimpleName() + " names the process it covers with @CoversProcess");
      }
      properties.assertClassCoverageAtLeast(1.0).withDetailedCoverageLogging()
          .excludeProcessDefinitionKeys(otherProcesses(covered.value()));
    }
    return properties.build();
  }

  /** The keys of the models under {@code bpmn/} (each file is named by its process key) but this one. */
  private static String[] otherProcesses(String key) {
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      return models.map(model -> model.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
          .map(name -> name.substring(0, name.length() - ".bpmn".length())).filter(name -> !name.equals(key))
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Notes the test class about to run, before the coverage library asks for its settings. */
  public static class CurrentTestClass implements TestExecutionListener, Ordered {

    static volatile Class<?> current;

    @Override
    public void beforeTestClass(TestContext testContext) {
      current = testContext.getTestClass();
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
