package io.rmaflow.api;

import static io.rmaflow.process.RmaProcess.UserTask.*;

import io.rmaflow.TestClock;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Cases brought to a stage the way a shop portal and the staff do: through the API and their tasks. */
public final class TestCases {

  private TestCases() {}

  /** Submitted by the shop portal, in warranty, waiting for the service desk's remote triage. */
  public static String inRemoteDiagnosis(ApiClient api, LifecycleDriver driver) {
    String rma = api.post("portal", "/api/rmas", ApiClient.application(Applications.newSerial(), "li.wei@example.com",
        "OFFICIAL_STORE", TestClock.today().minusMonths(2))).getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rma);
    return rma;
  }

  /** Sent in, received, and diagnosed with liquid damage: a paid repair quoted at 150.00 net, waiting for payment. */
  public static String quoted(ApiClient api, LifecycleDriver driver) {
    String rma = inRemoteDiagnosis(api, driver);
    driver.complete(rma, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    api.post("portal", "/api/rmas/{rma}/arrival", Map.of("trackingNumber", "SF1"), rma);
    driver.complete(rma, INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(rma, DIAGNOSE_FAULT, Map.of("faultCause", "LIQUID_DAMAGE", "proofOfPurchaseValid", true,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
    driver.runAsyncSteps(rma);
    return rma;
  }

  /** A machine client's login of its own in api-clients, with a password nobody knows. */
  public static void machineClient(IdentityService identityService, String login) {
    if (identityService.createUserQuery().userId(login).count() == 0) {
      User user = identityService.newUser(login);
      user.setPassword(UUID.randomUUID().toString());
      identityService.saveUser(user);
      identityService.createMembership(login, io.rmaflow.process.RmaProcess.Groups.API_CLIENTS);
    }
  }
}
