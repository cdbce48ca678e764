package io.rmaflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code bpmn/} and the Camunda Forms of {@code forms/} as one
 * deployment, named by their path in the project ({@code bpmn/rma-lifecycle.bpmn}). The
 * engine would otherwise name a resource by where it was found: an absolute path in the
 * IDE, a {@code BOOT-INF/classes/} path in the jar. Stable names let duplicate filtering
 * skip unchanged models, and keep the forms next to the processes that reference them with
 * {@code formRefBinding="deployment"}.
 */
@Component
public class ModelDeploymentConfiguration extends AbstractCamundaConfiguration implements CamundaDeploymentConfiguration {

  static final String DEPLOYMENT_NAME = "rma-flow";
  static final String[] PATTERNS = {"bpmn/*.bpmn", "bpmn/*.dmn", "forms/*.form"};

  private final String location;

  /** {@code rma.models.location}: the classpath unless a directory of another version is named (README, Upgrades). */
  public ModelDeploymentConfiguration(RmaProperties properties) {
    this.location = properties.models().location().endsWith("/") || properties.models().location().endsWith(":")
        ? properties.models().location()
        : properties.models().location() + "/";
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    configuration.setDeploymentResources(getDeploymentResources().toArray(Resource[]::new));
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    var resolver = new PathMatchingResourcePatternResolver();
    Set<Resource> resources = new LinkedHashSet<>();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring(0, pattern.indexOf('/') + 1);
        for (Resource found : resolver.getResources(location + pattern)) {
          resources.add(new ProjectResource(folder + found.getFilename(), found));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the models and forms to deploy", e);
    }
    // A mistyped rma.models.location would otherwise start the app on whatever was deployed last.
    if (resources.stream().noneMatch(resource -> resource.getDescription().endsWith(".bpmn"))) {
      throw new IllegalStateException("No models under " + location + "bpmn/: check rma.models.location (a Spring "
          + "resource location such as file:/opt/rma-flow/models/)");
    }
    return resources;
  }

  /** A classpath resource that tells the engine its project path as its name. */
  static final class ProjectResource extends AbstractResource implements ContextResource {

    private final String path;
    private final Resource content;

    ProjectResource(String path, Resource content) {
      this.path = path;
      this.content = content;
    }

    @Override
    public String getPathWithinContext() {
      return path;
    }

    @Override
    public String getFilename() {
      return content.getFilename();
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return content.getInputStream();
    }

    @Override
    public String getDescription() {
      return path;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ProjectResource resource && resource.path.equals(path);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }
  }
}
