package io.rmaflow.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a process owner uses it: processes, a definition's instances, one instance. */
public final class CockpitPage {

  private final Browser browser;
  private final String baseUrl;

  private CockpitPage(Browser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  /** Opens Cockpit, logs in (demo password = login) and waits for the dashboard. */
  public static CockpitPage logIn(Browser browser, String baseUrl, String login) {
    CockpitPage page = new CockpitPage(browser, baseUrl);
    browser.open(page.url("#/dashboard"));
    WebLogin.logIn(browser, login);
    browser.visible(By.cssSelector("[cam-widget-header]"));
    return page;
  }

  /** Opens a Cockpit address of the form {@code #/...} in the current session. */
  public void openHash(String hash) {
    browser.open(url(hash));
  }

  private String url(String hash) {
    return baseUrl + "/camunda/app/cockpit/default/" + hash;
  }

  /** The Processes page, then the definition by its name: its diagram and running instances. */
  public CockpitPage processDefinition(String name) {
    openHash("#/processes");
    browser.clickable(By.xpath("//table//a[normalize-space(.)='" + name + "']")).click();
    browser.visible(By.cssSelector("table.process-instances"));
    return this;
  }

  /** Adds a search criterion in the instance list's search bar, as typed by hand: type, then value. */
  public CockpitPage searchInstances(String criterion, String value) {
    browser.clickable(By.cssSelector("[cam-widget-search] input.main-field")).click();
    browser.clickable(By.xpath("//*[@cam-widget-search]//ul[contains(@class,'dropdown-menu')]//li/a[normalize-space(.)='"
        + criterion + "']")).click();
    By valueInput = By.cssSelector("[cam-widget-search] input[ng-model='formData.editValue']");
    By unsetValue = By.xpath("//*[@cam-widget-search]//*[normalize-space(text())='??']");
    // The new criterion opens its value for typing, unless the list refreshes at that moment and
    // closes it again; then a click on its "??" opens it, as it would for a user.
    WebElement input = browser.waiting().withMessage("the value field of " + criterion)
        .ignoring(StaleElementReferenceException.class).until(driver -> {
      List<WebElement> open = driver.findElements(valueInput).stream().filter(WebElement::isDisplayed).toList();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      driver.findElements(unsetValue).stream().filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
      return null;
    });
    input.sendKeys(value, Keys.ENTER);
    return this;
  }

  /** The instance list's rows as their cells' texts, once it matches the expected count. */
  public List<List<String>> instanceRows(int expected) {
    By rows = By.cssSelector("table.process-instances tbody tr");
    browser.waiting().withMessage(expected + " process instance rows").until(driver -> driver.findElements(rows).size() == expected);
    return browser.all(rows).stream()
        .map(row -> row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).map(String::trim).toList())
        .toList();
  }

  /** Opens the first listed instance and waits for its page. */
  public CockpitPage openFirstInstance() {
    browser.clickable(By.cssSelector("table.process-instances tbody tr td a[href*='process-instance']")).click();
    browser.waiting().until(driver -> driver.getCurrentUrl().contains("#/process-instance/"));
    browser.visible(By.cssSelector("[cam-widget-bpmn-viewer], .diagram"));
    return this;
  }

  public String sidebarText() {
    return browser.visible(By.cssSelector(".ctn-sidebar, [cam-process-instance-details], .process-instance-details"))
        .getText();
  }

  /**
   * The sidebar once it shows the text: after a click, the previous page's sidebar stays on
   * screen until the new view has loaded its details.
   */
  public String sidebarShowing(String text) {
    browser.waitUntil("the sidebar to show " + text, () -> {
      try {
        return sidebarText().contains(text);
      } catch (org.openqa.selenium.StaleElementReferenceException reRendered) {
        return false;
      }
    });
    return sidebarText();
  }
}
