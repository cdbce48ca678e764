package io.rmaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** Browser tests skip on a developer's machine without Chromium, and never in CI. */
class BrowserAvailabilityTest {

  static final Path NOWHERE = Path.of("/nonexistent/chromium");
  static final Path SHELL = Path.of("/bin/sh");

  @Test
  void withoutChromiumBrowserTestsAreSkippedSayingHowToInstallIt() {
    assertThatThrownBy(() -> new Browser(NOWHERE, SHELL, false).beforeAll(context()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(NOWHERE.toString())
        .hasMessageContaining("apt-get install -y chromium chromium-driver");
  }

  @Test
  void withoutChromiumBrowserTestsFailInCi() {
    assertThatThrownBy(() -> new Browser(SHELL, NOWHERE, true).beforeAll(context()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(NOWHERE.toString())
        .hasMessageContaining("CI=true");
  }

  @Test
  void withChromiumAndItsDriverBrowserTestsRun() {
    assertThatCode(() -> new Browser(SHELL, SHELL, true).beforeAll(context())).doesNotThrowAnyException();
    assertThat(Browser.CHROMIUM).isEqualTo(Path.of("/usr/bin/chromium"));
    assertThat(Browser.CHROMEDRIVER).isEqualTo(Path.of("/usr/bin/chromedriver"));
  }

  private static ExtensionContext context() {
    ExtensionContext context = mock(ExtensionContext.class);
    when(context.getDisplayName()).thenReturn("SomeBrowserIT");
    when(context.getRequiredTestClass()).thenAnswer(invocation -> BrowserAvailabilityTest.class);
    return context;
  }
}
