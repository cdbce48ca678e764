package io.rmaflow.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A task opened in Tasklist with its Camunda Form (form-js): claim, fill, complete. */
public final class TaskForm {

  private static final By FORM = By.cssSelector(".fjs-form");
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

  private final Browser browser;

  private TaskForm(Browser browser) {
    this.browser = browser;
  }

  static TaskForm await(Browser browser) {
    browser.visible(FORM);
    return new TaskForm(browser);
  }

  /** Everything the form shows, read as a person would. */
  public String text() {
    return browser.visible(FORM).getText();
  }

  public TaskForm claim() {
    browser.clickable(By.cssSelector("button.claim")).click();
    browser.waiting().withMessage("Complete enabled after the claim").until(ExpectedConditions.elementToBeClickable(COMPLETE));
    return this;
  }

  public TaskForm select(String label, String option) {
    field(label).findElement(By.cssSelector(".fjs-select-display")).click();
    By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']");
    browser.clickable(item).click();
    browser.waiting().until(driver -> option.equals(field(label).findElement(By.cssSelector(".fjs-select-display")).getText().trim()));
    return this;
  }

  public TaskForm check(String label) {
    WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  /** Types into a text or number field, replacing what it held. */
  public TaskForm type(String label, String value) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    // Key by key, as a person erases: the form only learns of changes from key events.
    input.sendKeys(Keys.END);
    input.sendKeys(Keys.BACK_SPACE.toString().repeat(input.getDomProperty("value").length()));
    input.sendKeys(value);
    browser.waiting().withMessage(label + " holding " + value)
        .until(driver -> value.equals(field(label).findElement(By.cssSelector("input, textarea")).getDomProperty("value")));
    return this;
  }

  /** Whether Tasklist lets the form be completed; it holds Complete back while a field shows an error. */
  public boolean completable() {
    return browser.visible(COMPLETE).isEnabled();
  }

  public void complete() {
    WebElement complete = browser.clickable(COMPLETE);
    browser.script("arguments[0].scrollIntoView({block: 'end'});", complete);
    try {
      complete.click();
    } catch (ElementClickInterceptedException underFooter) {
      // A long form ends under Tasklist's footer bar, which covers part of the button.
      browser.script("arguments[0].click();", complete);
    }
  }

  /** Waits for the validation message the form shows under the field. */
  public String errorOf(String label) {
    By error = By.cssSelector(".fjs-form-field-error");
    browser.waiting().withMessage("a validation message under " + label)
        .until(driver -> !field(label).findElements(error).isEmpty());
    return field(label).findElement(error).getText().trim();
  }

  private WebElement field(String label) {
    return browser.visible(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
        + "[.//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), '" + label + "')]]"));
  }
}
