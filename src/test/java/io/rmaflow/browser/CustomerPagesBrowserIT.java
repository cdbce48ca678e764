package io.rmaflow.browser;

import static io.rmaflow.browser.Accessibility.assertNoSeriousViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.access.CustomerLinks;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.UserTask;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.shipping.ShipInService;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer on their own pages, in headless Chromium without any script of ours: applying,
 * reporting the shipment, sending proof, deciding a quote, giving feedback, and what a wrong
 * link shows. Staff steps between run as the engine's. Every page passes axe-core's check;
 * the screenshots are kept under {@code target/browser-screenshots/}.
 */
@RmaSpringBootTest
class CustomerPagesBrowserIT {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;
  @Autowired CustomerLinks links;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired ShipInService shipIn;

  @Test
  void aCustomerAppliesAcceptsTheServiceAgreementAndLandsOnTheirCasePage() {
    browser.open(url("/portal/apply?lang=en"));
    assertNoSeriousViolation(browser, "the application form");
    type("name", "Wang Fang");
    type("email", "wang.fang@example.com");
    type("line1", "8 Huaihai Rd");
    type("city", "Shanghai");
    type("model", "X200");
    String serial = Applications.newSerial();
    type("serialNumber", serial);
    type("invoiceNumber", "INV-2026-77");
    date("invoiceDate", TestClock.today().minusMonths(2).toString());
    type("faultDescription", "The screen stays black after the last update");
    click("dataBackedUp");
    click("passwordsRemoved");

    submit();
    assertThat(problemOf("termsAccepted")).isEqualTo("Please accept the service agreement: we can only repair under it.");
    assertThat(browser.visible(By.id("name")).getAttribute("value")).as("what was typed stays").isEqualTo("Wang Fang");
    browser.screenshot("1-agreement-not-accepted");
    assertNoSeriousViolation(browser, "the application form with a problem");
    click("termsAccepted");
    submit();

    String page = browser.visible(By.cssSelector("h1 .number")).getText();
    assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("your application is in");
    assertThat(browser.driver().getCurrentUrl()).contains("/portal/rmas/" + page + "?token=");
    assertThat(caseFile.get(page).serialNumber()).isEqualTo(serial);
    assertThat(caseFile.get(page).termsAccepted()).isNotNull();
    browser.screenshot("2-case-page");
    assertNoSeriousViolation(browser, "the case page");
  }

  @Test
  void aCustomerReportsTheShipmentAndPrintsThePackingSlip() {
    String rma = sentIn(Applications.withInvoice(TestClock.today().minusMonths(2)), "en");
    openCase(rma);
    assertThat(text()).contains("We are waiting for your device.", "Send us the device, with the packing slip in the parcel");

    browser.visible(By.linkText("Print the packing slip for the parcel")).click();
    assertThat(browser.visible(By.cssSelector(".slip-number")).getText()).isEqualTo(rma);
    assertThat(browser.visible(By.cssSelector(".slip-code svg")).getAttribute("aria-label")).isEqualTo(rma);
    assertThat(text()).contains("Put this slip in the parcel");
    browser.screenshot("1-packing-slip");
    assertNoSeriousViolation(browser, "the packing slip");
    browser.visible(By.linkText("Back to your case")).click();

    type("carrier", "SF Express");
    type("trackingNumber", "SF1234567890");
    submitIn("shipment-heading");

    assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("we know the device is on its way");
    assertThat(text()).contains("To us: SF Express, tracking number SF1234567890")
        .doesNotContain("I have sent the device");
    assertThat(caseFile.get(rma).inboundTrackingNumber()).isEqualTo("SF1234567890");
    browser.screenshot("2-shipment-reported");
  }

  @Test
  void aCustomerSendsAProofScanTheServiceDeskOpensItAndTheCustomerSeesTheDecision() throws IOException {
    String rma = awaitingProof("en");
    openCase(rma);
    assertThat(text()).contains("We are waiting for your proof of purchase.");
    type("invoiceNumber", "INV-2026-0042");
    date("invoiceDate", TestClock.today().plusDays(1).toString());
    browser.visible(By.id("scan")).sendKeys(invoiceScan().toAbsolutePath().toString());
    submitIn("proof-heading");
    assertThat(problemOf("invoiceDate")).isEqualTo("This date is in the future; please check it.");

    type("invoiceNumber", "INV-2026-0042");
    date("invoiceDate", TestClock.today().minusMonths(3).toString());
    Path notAnImage = Files.writeString(Files.createTempFile("invoice", ".png"), "not a picture at all");
    browser.visible(By.id("scan")).sendKeys(notAnImage.toAbsolutePath().toString());
    submitIn("proof-heading");
    assertThat(problemOf("scan")).isEqualTo("Please send a PDF, JPEG or PNG file of at most 10 MB.");
    browser.screenshot("1-scan-refused");

    type("invoiceNumber", "INV-2026-0042");
    date("invoiceDate", TestClock.today().minusMonths(3).toString());
    browser.visible(By.id("scan")).sendKeys(invoiceScan().toAbsolutePath().toString());
    submitIn("proof-heading");
    assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("your proof of purchase is with us");
    driver.runAsyncSteps(rma);

    var task = driver.task(rma, UserTask.VERIFY_PROOF);
    assertThat(taskService.getVariable(task.getId(), "caseDocuments")).asString()
        .contains("invoice-scan.png", "/api/rmas/" + rma + "/documents/", "image/png");
    assertThat(caseFile.documents(rma)).singleElement().satisfies(document -> {
      assertThat(document.contentType()).isEqualTo("image/png");
      assertThat(caseFile.document(rma, document.id()).orElseThrow().data()).isEqualTo(Files.readAllBytes(invoiceScan()));
    });
    driver.complete(rma, UserTask.VERIFY_PROOF, Map.of("proofOfPurchaseValid", true));

    openCase(rma);
    assertThat(text()).contains("Free repair.", "Your device is being repaired.");
    browser.screenshot("2-proof-accepted");
    assertNoSeriousViolation(browser, "the case page after the proof");
  }

  @Test
  void aCustomerAcceptsAQuote() {
    String rma = diagnosed(Applications.withInvoice(TestClock.today().minusYears(2)), "en");
    openCase(rma);
    assertThat(text()).contains("Paid repair.", "Total", "170.07 CNY", "Accept the quote and pay 170.07 CNY");
    assertNoSeriousViolation(browser, "the case page with a quote");
    browser.screenshot("1-quote");
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    assertThat((Long) browser.script("return document.documentElement.scrollWidth;")).as("no sideways scrolling on a phone")
        .isLessThanOrEqualTo(390L);
    browser.screenshot("1-quote-on-a-phone");

    browser.visible(By.cssSelector("button[value=accept]")).click();

    assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("you accepted the quote");
    assertThat(browser.all(By.cssSelector("button[value=accept]"))).isEmpty();
    assertThat(caseFile.timeline(rma)).anyMatch(entry -> entry.event().equals("QUOTE_ACCEPTED"));
    browser.screenshot("2-quote-accepted");
  }

  @Test
  void aCustomerGivesFeedbackAfterTheirCaseIsClosed() {
    String rma = driver.submit(withLocale(Applications.withInvoice(TestClock.today().minusMonths(2)), "en")).getBusinessKey();
    driver.complete(rma, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "RESOLVED"));
    openCase(rma);
    assertThat(text()).contains("Your case is closed.", "How did we do?").doesNotContain("Not happy with how your repair goes?");

    browser.visible(By.cssSelector("label[for=rating-5]")).click();
    type("comment", "Solved on the phone in ten minutes");
    submitIn("feedback-heading");

    assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("Thank you for your feedback");
    assertThat(text()).doesNotContain("How did we do?");
    browser.screenshot("1-feedback-given");
    assertNoSeriousViolation(browser, "the closed case's page");
  }

  @Test
  void aWrongLinkShowsNothingOfAnyCase() {
    String rma = driver.submit(withLocale(Applications.withInvoice(TestClock.today().minusMonths(2)), "en")).getBusinessKey();

    browser.open(url("/portal/rmas/" + rma + "?token=guessed-token"));

    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Page not found");
    assertThat(text()).doesNotContain(rma);
    browser.screenshot("1-not-found");
    assertNoSeriousViolation(browser, "the page a wrong link gets");
  }

  @Test
  void aChineseCustomerSeesTheirPageInChineseAndCanSwitchToEnglish() {
    String rma = sentIn(Applications.withInvoice(TestClock.today().minusMonths(2)), "zh");
    openCase(rma);

    assertThat(browser.visible(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
    assertThat(text()).contains("我们正在等待您的设备。", "请将设备连同装箱单寄给我们", "我已寄出设备");
    browser.screenshot("1-chinese");
    assertNoSeriousViolation(browser, "the Chinese case page");
    browser.visible(By.linkText("English")).click();

    assertThat(text()).contains("We are waiting for your device.");
    browser.open(url("/portal/apply?lang=zh"));
    assertThat(text()).contains("申请维修", "维修服务协议", "我已阅读并接受维修服务协议");
    browser.screenshot("2-chinese-application");
    assertNoSeriousViolation(browser, "the Chinese application form");
  }

  // --- cases at the step each test needs ------------------------------------------------------

  private String sentIn(RmaApplication application, String locale) {
    String rma = driver.submit(withLocale(application, locale)).getBusinessKey();
    driver.complete(rma, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    assertThat(caseFile.get(rma).status()).isEqualTo(CaseStatus.AWAITING_DEVICE);
    return rma;
  }

  private String diagnosed(RmaApplication application, String locale) {
    String rma = sentIn(application, locale);
    arrive(rma);
    driver.complete(rma, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    // 120.00 parts and 30.50 labour: 150.50 net, 19.57 tax, 170.07 in all.
    driver.complete(rma, UserTask.DIAGNOSE_FAULT, Map.of("faultCause", "MANUFACTURING_DEFECT", "proofOfPurchaseValid", true,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 120, "labourCost", 30.5));
    assertThat(caseFile.get(rma).status()).isEqualTo(CaseStatus.AWAITING_PAYMENT);
    return rma;
  }

  private String awaitingProof(String locale) {
    String rma = sentIn(Applications.application(Applications.newSerial(), SalesChannel.OFFICIAL_STORE, null, null, false),
        locale);
    arrive(rma);
    driver.complete(rma, UserTask.INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(rma, UserTask.DIAGNOSE_FAULT, Map.of("faultCause", "MANUFACTURING_DEFECT", "proofOfPurchaseValid", false,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
    assertThat(caseFile.get(rma).status()).isEqualTo(CaseStatus.AWAITING_PROOF);
    return rma;
  }

  private void arrive(String rma) {
    shipIn.reportArrival(rma, "SF-" + rma);
    driver.runAsyncSteps(rma);
  }

  private static RmaApplication withLocale(RmaApplication application, String locale) {
    var customer = application.customer();
    return new RmaApplication(new io.rmaflow.customer.Customer(customer.name(), customer.email(), customer.phone(), locale,
        customer.address()), application.product(), application.purchase(), application.fault(), application.priority(),
        application.serviceType(), application.keepReplacedParts(), application.acknowledgements());
  }

  /** A small PNG, as a phone's photo of an invoice would be. */
  private static Path invoiceScan() throws IOException {
    Path file = Path.of("target", "invoice-scan.png");
    if (!Files.exists(file)) {
      BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
      Graphics2D paper = image.createGraphics();
      paper.setColor(Color.WHITE);
      paper.fillRect(0, 0, 300, 200);
      paper.setColor(Color.BLACK);
      paper.drawString("INVOICE INV-2026-0042  X200", 20, 40);
      paper.dispose();
      Files.createDirectories(file.getParent());
      ImageIO.write(image, "png", file.toFile());
    }
    return file;
  }

  // --- the browser ------------------------------------------------------------------------------

  private void openCase(String rma) {
    var page = links.pageUrl(rma).orElseThrow();
    browser.open(url(page.getRawPath() + "?" + page.getRawQuery()));
    browser.visible(By.cssSelector("h1 .number"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void type(String id, String text) {
    WebElement field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Date fields take the ISO date through script: typing follows the browser's own date format. */
  private void date(String id, String isoDate) {
    browser.script("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
  }

  private void click(String id) {
    browser.clickable(By.cssSelector("label[for=" + id + "]")).click();
  }

  private void submit() {
    browser.clickable(By.cssSelector("main form button[type=submit]")).click();
  }

  private void submitIn(String headingId) {
    browser.clickable(By.cssSelector("section[aria-labelledby=" + headingId + "] button[type=submit]")).click();
  }

  private String problemOf(String field) {
    return browser.visible(By.id(field + "-problem")).getText();
  }

  private String text() {
    return browser.visible(By.tagName("main")).getText();
  }
}
