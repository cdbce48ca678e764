package io.rmaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.RmaProcess.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorization model is made on every start and brought back to itself: a grant widened
 * by hand or by an earlier version is narrowed again, a deleted one comes back, and applying it
 * twice changes nothing and makes no second filter.
 */
@RmaSpringBootTest
class AuthorizationModelTest {

  @Autowired AuthorizationModel model;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @Test
  void everyGroupOfTheContractExistsAndApplyingTheModelAgainChangesNothing() {
    assertThat(identityService.createGroupQuery().list()).extracting(group -> group.getId())
        .containsAll(AuthorizationModel.GROUP_NAMES.keySet());
    long filters = filterService.createFilterQuery().count();

    assertThat(model.apply()).isZero();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void aProcessOwnersGrantWidenedToChangeCasesIsNarrowedAndADeletedGrantComesBack() {
    Authorization owners = grant(Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*");
    owners.addPermission(ProcessInstancePermissions.UPDATE);
    owners.addPermission(ProcessInstancePermissions.SUSPEND);
    authorizationService.saveAuthorization(owners);
    authorizationService.deleteAuthorization(grant(Groups.FINANCE, Resources.APPLICATION, "tasklist").getId());
    // What an earlier version granted staff: every user, and so who the administrators are.
    Authorization everyUser = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyUser.setGroupId(Groups.SERVICE_DESK);
    everyUser.setResource(Resources.USER);
    everyUser.setResourceId("*");
    everyUser.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(everyUser);

    assertThat(model.apply()).isEqualTo(3);

    Authorization narrowed = grant(Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*");
    assertThat(narrowed.isPermissionGranted(ProcessInstancePermissions.READ)).isTrue();
    assertThat(narrowed.isPermissionGranted(ProcessInstancePermissions.RETRY_JOB)).isTrue();
    assertThat(narrowed.isPermissionGranted(ProcessInstancePermissions.UPDATE)).isFalse();
    assertThat(narrowed.isPermissionGranted(ProcessInstancePermissions.SUSPEND)).isFalse();
    assertThat(grant(Groups.FINANCE, Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS)).isTrue();
    assertThat(grant(Groups.SERVICE_DESK, Resources.USER, "*")).isNull();
  }

  private Authorization grant(String group, Resources resource, String resourceId) {
    return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
  }

  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aRevokeAuthorizationIsRefusedInTheEngineAndAtItsRestApiAndOneMadeInTheDatabaseStopsTheStart() {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId(Groups.SERVICE_DESK);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("*");
    revoke.addPermission(Permissions.READ);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class).hasMessageContaining("ADR 24");

    var answer = http.withBasicAuth("admin", "admin").postForEntity("/engine-rest/authorization/create",
        java.util.Map.of("type", 2, "permissions", java.util.List.of("READ"), "groupId", Groups.SERVICE_DESK,
            "resourceType", 7, "resourceId", "*"), String.class);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
    assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();

    jdbc.sql("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " VALUES ('revoke-made-in-sql', 1, 2, 'service-desk', 7, '*', 2)").update();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(model::refuseRevokes)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("revoke-made-in-sql");
    } finally {
      jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = 'revoke-made-in-sql'").update();
    }
    model.refuseRevokes();
  }
}
