package io.rmaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An automated accessibility check of the page in the browser: axe-core, from the npm registry
 * (installed with the build's other Node.js tools in {@code tools/lint}), run in the page. Only
 * serious and critical violations fail; the others are for a person to judge.
 */
final class Accessibility {

  static final Path AXE = Path.of("tools", "lint", "node_modules", "axe-core", "axe.min.js");

  private Accessibility() {}

  /** The serious and critical violations of WCAG 2.1 A and AA on the page now, each with where it is. */
  static List<String> seriousViolations(Browser browser) {
    assertThat(AXE).as("axe-core, installed by the build's Node.js tools (do not run with -Dlint.skip)").exists();
    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    try {
      page.executeScript(Files.readString(AXE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    List<String> violations = (List<String>) page.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(result => done(result.violations
            .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
            .map(violation => violation.impact + ' ' + violation.id + ': ' + violation.help + ' at '
              + violation.nodes.map(node => node.target.join(' ')).join(', '))))
          .catch(error => done(['axe failed: ' + error]));
        """);
    return violations;
  }

  static void assertNoSeriousViolation(Browser browser, String page) {
    assertThat(seriousViolations(browser)).as("serious or critical accessibility violations on %s", page).isEmpty();
  }
}
