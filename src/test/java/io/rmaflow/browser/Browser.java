package io.rmaflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium for one test at a time, from the machine's Debian packages: Selenium is
 * pointed at {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, so it never looks for
 * or downloads a browser of its own. Register it in a test class with
 * {@code @RegisterExtension static final Browser browser = new Browser();}.
 *
 * <p>Without the packages the class is skipped with a message saying how to install them, except
 * in CI ({@code CI=true}), where browser tests must run and a missing browser fails them.
 * Each test gets a fresh browser profile; screenshots go to {@code target/browser-screenshots/
 * <test class>/<test>-<step>.png}, and a failing test leaves one of the page it failed on.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  /** Long enough for a cold page on a busy two-core machine, short enough to fail a stuck test soon. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(Browser.class);

  private final Path chromium;
  private final Path chromedriver;
  private final boolean inCi;

  private ChromeDriverService service;
  private WebDriver driver;
  private Path profile;
  private Path screenshots;
  private String testName;

  public Browser() {
    this(CHROMIUM, CHROMEDRIVER, "true".equalsIgnoreCase(System.getenv("CI")));
  }

  Browser(Path chromium, Path chromedriver, boolean inCi) {
    this.chromium = chromium;
    this.chromedriver = chromedriver;
    this.inCi = inCi;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    // Only this run's screenshots stay, so none of an earlier run is taken for this one's.
    delete(SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName()));
    List<Path> missing = Stream.of(chromium, chromedriver).filter(path -> !Files.isExecutable(path)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message = "Browser tests of " + context.getDisplayName() + " need Debian's Chromium and its driver, "
        + "missing here: " + missing + ". Install them with: sudo apt-get install -y chromium chromium-driver";
    if (inCi) {
      throw new IllegalStateException(message + " (CI=true: browser tests must run in CI)");
    }
    LOG.warn("Skipped: {}", message);
    Assumptions.abort(message);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    testName = context.getRequiredTestMethod().getName();
    screenshots = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName());
    Files.createDirectories(screenshots);
    profile = Files.createTempDirectory("rma-browser-profile");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--lang=en-US", "--window-size=1400,1000", "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (context.getExecutionException().isPresent() && driver != null) {
        screenshot("failed");
      }
    } finally {
      quit();
    }
  }

  private void quit() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (service != null) {
        service.stop();
        service = null;
      }
      deleteProfile();
    }
  }

  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try {
      delete(profile);
    } catch (IOException e) {
      LOG.warn("Could not delete the browser profile {}: {}", profile, e.getMessage());
    }
    profile = null;
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("The browser runs only during a test");
    }
    return driver;
  }

  public void open(String url) {
    driver().get(url);
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver(), TIMEOUT);
  }

  /** Waits until the condition holds, for conditions outside the page too (the engine's state, say). */
  public void waitUntil(String what, BooleanSupplier condition) {
    waiting().withMessage(what).until(ignored -> condition.getAsBoolean());
  }

  public WebElement visible(By locator) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return waiting().until(ExpectedConditions.elementToBeClickable(locator));
  }

  public List<WebElement> all(By locator) {
    return new ArrayList<>(driver().findElements(locator));
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver()).executeScript(script, arguments);
  }

  /** Keeps a PNG of the page for review: {@code target/browser-screenshots/<class>/<test>-<step>.png}. */
  public Path screenshot(String step) {
    Path file = screenshots.resolve(testName + "-" + step + ".png");
    try {
      Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
