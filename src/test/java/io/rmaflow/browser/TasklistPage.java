package io.rmaflow.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a member of staff sees it: filters, the task list, one task's form. */
public final class TasklistPage {

  private static final By FILTER_NAMES = By.cssSelector(".task-filter h4.name a");
  private static final By TASK_CARDS = By.cssSelector(".tasks-list li.task");
  private static final By NO_TASKS = By.xpath("//*[@cam-tasks]//*[contains(normalize-space(.), 'No task matching filters found')]");
  private static final By LIST_LOADING = By.cssSelector("[cam-tasks] .loader");

  private final Browser browser;
  private final String baseUrl;

  private TasklistPage(Browser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  /** Opens Tasklist, logs in (demo password = login) and waits for the filters. */
  public static TasklistPage logIn(Browser browser, String baseUrl, String login) {
    TasklistPage page = new TasklistPage(browser, baseUrl);
    browser.open(page.url(""));
    WebLogin.logIn(browser, login);
    browser.visible(FILTER_NAMES);
    return page;
  }

  /** Opens a Tasklist address of the form {@code #/?...} in the current session. */
  public void openHash(String hash) {
    browser.open(url(hash));
  }

  private String url(String hash) {
    return baseUrl + "/camunda/app/tasklist/default/" + hash;
  }

  public List<String> filterNames() {
    browser.visible(FILTER_NAMES);
    // The name is the link's own text; the task counter sits in a child element.
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) browser.script(
        "return [...document.querySelectorAll('.task-filter h4.name a')].map(a => a.childNodes[0].textContent.trim())");
    return names;
  }

  public String activeFilter() {
    return browser.visible(By.cssSelector(".task-filter.active h4.name a")).getText().replaceAll("\\s*\\d+$", "").trim();
  }

  /** The sort control's choices in order, such as {@code "Priority desc"}. */
  public List<String> sorting() {
    return browser.all(By.cssSelector("[cam-sorting-choices] li.sorting-choice")).stream()
        .map(choice -> choice.findElement(By.cssSelector(".sort-by")).getText().trim() + " "
            + ("Ascending".equals(choice.findElement(By.cssSelector(".sort-direction")).getAttribute("uib-tooltip"))
                ? "asc" : "desc"))
        .toList();
  }

  /** Flips the direction of the sort control's n-th choice (0 = first), as a click on its arrow does. */
  public void flipSortDirection(int choice) {
    browser.all(By.cssSelector("[cam-sorting-choices] li.sorting-choice .sort-direction")).get(choice).click();
  }

  /** The cards of the current list page, top to bottom, once the list has loaded. */
  public List<TaskCard> tasks() {
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(LIST_LOADING));
    browser.waiting().until(driver -> !driver.findElements(TASK_CARDS).isEmpty() || !driver.findElements(NO_TASKS).isEmpty());
    for (int attempt = 0; ; attempt++) {
      try {
        return browser.all(TASK_CARDS).stream().map(card -> TaskCard.read(card, browser)).toList();
      } catch (StaleElementReferenceException e) {
        // The list refreshed while it was read; read the new one.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Waits until the list shows a task of the case or contract and returns its card. */
  public TaskCard task(String reference) {
    browser.waitUntil("a task of " + reference + " in the list", () -> find(reference).isPresent());
    return find(reference).orElseThrow();
  }

  /** The card whose RMA or contract column names the reference. */
  private Optional<TaskCard> find(String reference) {
    return tasks().stream().filter(card -> reference.equals(card.variables().get("RMA"))
        || reference.equals(card.variables().get("Contract"))).findFirst();
  }

  /** Opens the task of the case or contract from the list and waits for its Camunda Form. */
  public TaskForm open(String reference) {
    for (int attempt = 1; ; attempt++) {
      try {
        task(reference).element().findElement(By.cssSelector("h4.task a")).click();
        return TaskForm.await(browser);
      } catch (StaleElementReferenceException e) {
        // The list refreshed between finding the card and clicking it; find it in the new list.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Reloads the list, as a click on the active filter does. */
  public void refresh() {
    browser.clickable(By.cssSelector(".task-filter.active h4.name a")).click();
  }

  /** Texts of the notifications Tasklist shows (errors, confirmations). */
  public List<String> notifications() {
    return browser.all(By.cssSelector("[notifications-panel] .alert")).stream().map(WebElement::getText).toList();
  }

  /** One task in the list: its name, priority, due date tooltip and the filter's variables by label. */
  public record TaskCard(String name, int priority, String due, Map<String, String> variables,
      boolean allVariablesShown, WebElement element) {

    static TaskCard read(WebElement card, Browser browser) {
      Map<String, String> variables = new LinkedHashMap<>();
      for (WebElement item : card.findElements(By.cssSelector(".variable-item"))) {
        String label = item.findElement(By.cssSelector(".variable-label")).getAttribute("textContent").trim();
        List<WebElement> value = item.findElements(By.cssSelector(".variable-value"));
        variables.put(label.replaceAll(":$", ""), value.isEmpty() ? null : value.get(0).getAttribute("textContent").trim());
      }
      List<WebElement> due = card.findElements(By.cssSelector(".due-date [uib-tooltip]"));
      WebElement details = card.findElement(By.cssSelector(".task-card-details"));
      // Tasklist folds a card's variables by a fixed height; a folded card hides some of them.
      Object clipped = browser.script("return arguments[0].scrollHeight > arguments[0].clientHeight + 1", details);
      return new TaskCard(
          card.findElement(By.cssSelector("h4.task a")).getText().trim(),
          Integer.parseInt(card.findElement(By.cssSelector(".priority")).getText().trim()),
          due.isEmpty() ? null : due.get(0).getAttribute("uib-tooltip"),
          variables,
          !Boolean.TRUE.equals(clipped),
          card);
    }
  }
}
