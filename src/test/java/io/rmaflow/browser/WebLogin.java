package io.rmaflow.browser;

import org.openqa.selenium.By;

/** The login form that Tasklist, Cockpit and Admin share. */
final class WebLogin {

  private WebLogin() {}

  /** Logs in on the login form the page shows; in the demo setup the password equals the login. */
  static void logIn(Browser browser, String login) {
    browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys(login);
    browser.visible(By.cssSelector("input[ng-model='password']")).sendKeys(login);
    browser.clickable(By.cssSelector("form button[type='submit']")).click();
    browser.waiting().withMessage("logged in as " + login)
        .until(driver -> !driver.getCurrentUrl().contains("#/login"));
  }
}
