package io.rmaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.api.ApiClient;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.contract.Contracts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Process owners follow cases in the real Cockpit, in headless Chromium. */
@RmaSpringBootTest
class CockpitBrowserIT {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;

  @Test
  void aProcessOwnerFindsACaseInCockpitByItsRmaNumber() {
    ApiClient api = new ApiClient(http);
    String other = submit(api);
    String rma = submit(api);

    CockpitPage cockpit = CockpitPage.logIn(browser, "http://localhost:" + port, "owner")
        .processDefinition("RMA lifecycle")
        .searchInstances("Business Key", rma);
    List<List<String>> rows = cockpit.instanceRows(1);
    browser.screenshot("1-instances-by-rma-number");

    assertThat(rows.get(0)).contains(rma, driver.processInstance(rma).getId()).doesNotContain(other);
    cockpit.openFirstInstance();
    assertThat(browser.driver().getCurrentUrl()).contains(driver.processInstance(rma).getId());
    assertThat(cockpit.sidebarShowing(rma)).contains(rma);
    browser.screenshot("2-the-case");
  }

  @Test
  void aProcessOwnerSeesTheInsightPageInCockpitWithTheApisFigures() {
    ApiClient api = new ApiClient(http);
    submit(api);
    submit(api);
    Map<String, Object> contract = new HashMap<>(Map.of("customer", Map.of("name", "Chen Jie", "email", "it@example.com",
            "locale", "zh", "address", Map.of("city", "Beijing", "country", "CN")),
        "plan", "MAINTENANCE", "units", List.of(Contracts.newUnit()), "startsOn", TestClock.today().toString(),
        "endsOn", TestClock.today().plusYears(1).minusDays(1).toString(), "billing", "ANNUAL",
        "fee", Map.of("amount", "1200.00", "currency", "CNY")));
    assertThat(api.post("portal", "/api/contracts", contract).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode insight = api.get("owner", "/api/insight?weeks=8").getBody();

    CockpitPage cockpit = CockpitPage.logIn(browser, "http://localhost:" + port, "owner");
    browser.visible(By.cssSelector("[data-rma-insight='summary']"));
    browser.screenshot("1-dashboard-summary");
    cockpit.openHash("#/rma-insight");
    browser.waitUntil("the insight page's figures", () -> browser.all(By.cssSelector("[data-rma-insight='page'] .rma-card h3")).size() == 5);
    List<String> headings = browser.all(By.cssSelector("[data-rma-insight='page'] .rma-card h3")).stream()
        .map(WebElement::getText).toList();
    browser.screenshot("2-insight-page");

    assertThat(headings).contains(
        "Open cases: " + insight.path("openCases").path("total").asInt(),
        "Waiting on customers: " + insight.path("waitingOnCustomers").path("total").asInt());
    assertThat(insight.path("openCases").path("total").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(browser.all(By.cssSelector("[data-rma-insight='page'] svg")).size()).as("charts").isGreaterThanOrEqualTo(3);
    JsonNode contracts = insight.path("contracts");
    assertThat(contracts.path("awaitingPaymentOrAudit").asInt()).isPositive();
    assertThat(browser.all(By.cssSelector("[data-rma-insight='contracts'] .rma-tile b")).stream().map(WebElement::getText))
        .containsExactly(contracts.path("active").asText(), contracts.path("awaitingPaymentOrAudit").asText(),
            contracts.path("overdue").asText(), contracts.path("endingWithin30Days").asText());
  }

  private String submit(ApiClient api) {
    ResponseEntity<JsonNode> created = api.post("portal", "/api/rmas",
        ApiClient.application(Applications.newSerial(), "li.wei@example.com", "OFFICIAL_STORE", TestClock.today().minusMonths(2)));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String rma = created.getBody().path("rmaNumber").asText();
    driver.runAsyncSteps(rma);
    return rma;
  }
}
