package io.rmaflow.upgrade;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rmaflow.support.RmaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The migration plans declared beside the models ({@code rma.models.migration-plans}), read
 * once at start: a plan that does not parse, or lacks its process or versions, stops the
 * start with the file named, rather than failing when an administrator runs it.
 */
@Component
public class MigrationPlans {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Map<String, MigrationPlanFile> plans = new TreeMap<>();

  public MigrationPlans(RmaProperties properties) {
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(properties.models().migrationPlans())) {
        String name = String.valueOf(file.getFilename()).replaceFirst("\\.json$", "");
        plans.put(name, read(name, file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the migration plans", e);
    }
  }

  private static MigrationPlanFile read(String name, Resource file) {
    try (InputStream content = file.getInputStream()) {
      MigrationPlanFile declared = JSON.readValue(content, MigrationPlanFile.class);
      MigrationPlanFile plan = new MigrationPlanFile(name, declared.process(), declared.from(), declared.to(),
          declared.reason(), declared.instructions(), declared.stayOnVersion());
      if (isBlank(plan.process()) || plan.from().isEmpty() || isBlank(plan.to()) || isBlank(plan.reason())) {
        throw new IllegalStateException("Migration plan " + file.getDescription()
            + " must name its process, the versions it moves from, the version it moves to, and the reason");
      }
      if (plan.from().contains(plan.to())) {
        throw new IllegalStateException("Migration plan " + file.getDescription() + " moves version " + plan.to() + " to itself");
      }
      return plan;
    } catch (IOException e) {
      throw new IllegalStateException("Migration plan " + file.getDescription() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public Collection<MigrationPlanFile> all() {
    return plans.values();
  }

  /** The plan that moves cases of this process from one version tag to another, if one is declared. */
  public Optional<MigrationPlanFile> forMove(String process, String fromTag, String toTag) {
    return plans.values().stream()
        .filter(plan -> plan.process().equals(process) && plan.from().contains(fromTag) && plan.to().equals(toTag))
        .findFirst();
  }

  public Optional<MigrationPlanFile> find(String name) {
    return Optional.ofNullable(plans.get(name));
  }
}
