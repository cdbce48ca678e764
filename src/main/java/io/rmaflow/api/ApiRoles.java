package io.rmaflow.api;

import io.rmaflow.process.RmaProcess.Groups;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The API's roles of an engine user, from their groups as they are now: HTTP Basic and the
 * Camunda webapp session give the same user the same roles, and a group membership removed
 * in Admin counts at the next call.
 */
final class ApiRoles {

  static final String API_CLIENT = "API_CLIENT";
  static final String STAFF = "STAFF";
  /** Who oversees the whole centre: service-level data spans every group's work. */
  static final String OVERSIGHT = "OVERSIGHT";
  /** Camunda administrators: operations such as making a past month's service report again. */
  static final String ADMIN = "ADMIN";

  private ApiRoles() {}

  static List<GrantedAuthority> of(IdentityService identityService, String userId) {
    Set<GrantedAuthority> roles = new LinkedHashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      String id = group.getId();
      if (Groups.API_CLIENTS.equals(id)) {
        roles.add(role(API_CLIENT));
      } else if (Groups.STAFF.contains(id) || Groups.PROCESS_OWNERS.equals(id) || Groups.CAMUNDA_ADMIN.equals(id)) {
        roles.add(role(STAFF));
      }
      if (Groups.PROCESS_OWNERS.equals(id) || Groups.SERVICE_MANAGERS.equals(id) || Groups.CAMUNDA_ADMIN.equals(id)) {
        roles.add(role(OVERSIGHT));
      }
      if (Groups.CAMUNDA_ADMIN.equals(id)) {
        roles.add(role(ADMIN));
      }
    }
    return List.copyOf(roles);
  }

  private static GrantedAuthority role(String name) {
    return new SimpleGrantedAuthority("ROLE_" + name);
  }
}
