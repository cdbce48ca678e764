package io.rmaflow.security;

import io.rmaflow.support.RmaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Two changes to how the engine checks a caller's authorizations, each with its A/B figures in
 * ADR 25 and each switched off by its setting under {@code rma.engine}:
 * <ul>
 * <li>The task query (Tasklist's lists and counts, {@code /engine-rest/task}) checks each task's
 * grants with EXISTS instead of joining them ({@code authorized-task-query.xml}).</li>
 * <li>The caller's groups are used as the login gave them. The engine first narrows them to the
 * groups that hold any authorization, by reading every group id of {@code ACT_RU_AUTHORIZATION},
 * a table with a row per open task, once per call; a group without authorizations matches no
 * row either way, so the narrowing only saves a few parameters.</li>
 * </ul>
 */
@Component
public class AuthorizedTaskQueryPlugin extends AbstractProcessEnginePlugin {

  static final String MAPPER = "io/rmaflow/security/authorized-task-query.xml";
  static final String NAMESPACE = "io.rmaflow.security.AuthorizedTaskQuery";
  /** The engine's statements and, in {@link #NAMESPACE}, the app's in their place. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteriaWithExists",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteriaWithExists");

  private final RmaProperties.Engine settings;

  AuthorizedTaskQueryPlugin(RmaProperties properties) {
    this.settings = properties.engine();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (settings.groupsAsGiven()) {
      List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
      factories.add(new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
          return new GroupsAsGivenAuthorizationManager();
        }
      });
      configuration.setCustomSessionFactories(factories);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (settings.taskQueryByExists()) {
      useTaskQueryByExists(configuration);
    }
  }

  static void useTaskQueryByExists(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(MAPPER)) {
      try (InputStream mapper = AuthorizedTaskQueryPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new IllegalStateException(MAPPER + " is missing from the class path");
        }
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + MAPPER, e);
      }
    }
    // The engine's mappings are one map per database type, shared by every engine of the JVM:
    // this engine gets a copy with the task query's two statements added.
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }

  /** The engine's authorization manager, with the caller's groups taken as given. */
  static class GroupsAsGivenAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      // MyBatis calls size() on it reflectively, so an ArrayList, as the engine's own answer.
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
