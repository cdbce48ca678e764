package io.rmaflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.access.CustomerLinks;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.rmacase.CaseFile;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The customer pages over plain HTTP, as a browser without script sends them: links that open
 * a case and links that do not, the CSRF protection of every form, and the application
 * accepted with the service agreement.
 */
@RmaSpringBootTest
class CustomerPagesHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired CustomerLinks links;
  @Autowired CaseFile caseFile;
  @Autowired JdbcClient jdbc;

  @Test
  void aCasesLinkOpensItsPageAndAnyOtherTokenGetsTheSameNotFoundAsACaseThatDoesNotExist() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    URI page = links.pageUrl(rma).orElseThrow();
    String token = page.getQuery().replace("token=", "");

    ResponseEntity<String> opened = http.getForEntity(page.getRawPath() + "?" + page.getRawQuery(), String.class);
    ResponseEntity<String> altered = http.getForEntity("/portal/rmas/{n}?token={t}", String.class, rma,
        token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"));
    ResponseEntity<String> none = http.getForEntity("/portal/rmas/{n}", String.class, rma);
    ResponseEntity<String> unknown = http.getForEntity("/portal/rmas/RMA-1999-000001?token={t}", String.class, token);

    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(opened.getBody()).contains(rma, "<html lang=\"zh\"");
    assertThat(opened.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(opened.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    for (ResponseEntity<String> refused : List.of(altered, none, unknown)) {
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(refused.getBody()).doesNotContain(rma).isEqualTo(unknown.getBody());
    }
  }

  @Test
  void aNewLinkEndsTheOldOne() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    URI old = links.pageUrl(rma).orElseThrow();

    URI fresh = links.renew(rma);

    assertThat(http.getForEntity(old.getRawPath() + "?" + old.getRawQuery(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity(fresh.getRawPath() + "?" + fresh.getRawQuery(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aCaseFiledBeforeTheCustomerPagesGetsItsFirstLinkWhenTheServiceDeskSendsOne() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    jdbc.sql("DELETE FROM customer_link WHERE rma_number = ?").param(rma).update();
    assertThat(links.pageUrl(rma)).isEmpty();

    URI first = links.renew(rma);

    assertThat(links.pageUrl(rma)).contains(first);
    assertThat(http.getForEntity(first.getRawPath() + "?" + first.getRawQuery(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aQuoteDecisionOtherThanTheTwoButtonsIsRefusedAsUnreadableAndDeclinesNothing() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    URI page = links.pageUrl(rma).orElseThrow();
    ResponseEntity<String> opened = http.getForEntity(page.getRawPath() + "?" + page.getRawQuery(), String.class);
    MultiValueMap<String, String> decision = new LinkedMultiValueMap<>();
    decision.add("token", page.getQuery().replace("token=", ""));
    decision.add("decision", "");
    decision.add("_csrf", hidden(opened.getBody(), "_csrf"));

    ResponseEntity<String> answer = post("/portal/rmas/" + rma + "/quote", decision, csrfCookie(opened));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseFile.timeline(rma)).noneMatch(entry -> entry.event().startsWith("QUOTE_"));
  }

  @Test
  void theSameApplicationFormSentAgainChangedIsAnotherApplicationNotAnError() {
    ResponseEntity<String> form = http.getForEntity("/portal/apply", String.class);
    String cookie = csrfCookie(form);
    MultiValueMap<String, String> application = application(Applications.newSerial());
    application.add("_csrf", hidden(form.getBody(), "_csrf"));
    application.add("submissionKey", hidden(form.getBody(), "submissionKey"));
    application.add("termsAccepted", "true");

    ResponseEntity<String> applied = post("/portal/apply", application, cookie);
    ResponseEntity<String> clickedTwice = post("/portal/apply", application, cookie);
    application.set("faultDescription", "The screen stays black, and it beeps");
    ResponseEntity<String> changed = post("/portal/apply", application, cookie);

    assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(clickedTwice.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(caseNumber(clickedTwice)).isEqualTo(caseNumber(applied));
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(changed.getBody()).contains("This device already has an open repair case");
  }

  @Test
  void anApplicationShownInChineseIsAnsweredInChineseAndACasePageSwitchedToEnglishStaysEnglishInItsForms() {
    ResponseEntity<String> form = http.getForEntity("/portal/apply?lang=zh", String.class);
    MultiValueMap<String, String> application = application(Applications.newSerial());
    application.set("locale", "zh");
    application.add("_csrf", hidden(form.getBody(), "_csrf"));
    application.add("submissionKey", hidden(form.getBody(), "submissionKey"));

    ResponseEntity<String> withoutTerms = post("/portal/apply", application, csrfCookie(form));

    assertThat(withoutTerms.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutTerms.getBody()).contains("请接受维修服务协议");

    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    URI page = links.pageUrl(rma).orElseThrow();
    String english = http.getForEntity(page.getRawPath() + "?" + page.getRawQuery() + "&lang=en", String.class).getBody();
    assertThat(hidden(english, "lang")).isEqualTo("en");
  }

  @Test
  void aFormSentWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(2))).getBusinessKey();
    URI page = links.pageUrl(rma).orElseThrow();
    MultiValueMap<String, String> complaint = new LinkedMultiValueMap<>();
    complaint.add("token", page.getQuery().replace("token=", ""));
    complaint.add("text", "No CSRF token");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    ResponseEntity<String> answer = http.exchange("/portal/rmas/{n}/complaint", HttpMethod.POST,
        new HttpEntity<>(complaint, headers), String.class, rma);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(caseFile.timeline(rma)).noneMatch(entry -> entry.event().equals("COMPLAINT_FILED"));
  }

  @Test
  void anApplicationWithTheAgreementAcceptedFilesACaseThatRemembersTheTermsAndLeadsToItsPage() {
    ResponseEntity<String> form = http.getForEntity("/portal/apply", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    String csrf = hidden(form.getBody(), "_csrf");
    String cookie = csrfCookie(form);
    MultiValueMap<String, String> application = application(Applications.newSerial());
    application.add("_csrf", csrf);
    application.add("submissionKey", hidden(form.getBody(), "submissionKey"));

    ResponseEntity<String> withoutTerms = post("/portal/apply", application, cookie);
    application.add("termsAccepted", "true");
    ResponseEntity<String> applied = post("/portal/apply", application, cookie);

    assertThat(withoutTerms.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutTerms.getBody()).contains("Please accept the service agreement");
    // The answer redirects to the new case's page, which the client follows.
    assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(applied.getBody()).contains("your application is in");
    Matcher rma = Pattern.compile("<span class=\"number\">(RMA-\\d{4}-\\d{6})</span>").matcher(applied.getBody());
    assertThat(rma.find()).isTrue();
    assertThat(caseFile.get(rma.group(1)).termsAccepted().version()).isEqualTo("003/2026-01");
    assertThat(caseFile.get(rma.group(1)).termsAccepted().at()).isNotNull();
  }

  private static String csrfCookie(ResponseEntity<String> page) {
    return page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }

  private static String caseNumber(ResponseEntity<String> casePage) {
    Matcher rma = Pattern.compile("<span class=\"number\">(RMA-\\d{4}-\\d{6})</span>").matcher(casePage.getBody());
    assertThat(rma.find()).isTrue();
    return rma.group(1);
  }

  private ResponseEntity<String> post(String path, MultiValueMap<String, String> form, String cookie) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookie);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  static MultiValueMap<String, String> application(String serial) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("name", "Wang Fang");
    form.add("email", "wang.fang@example.com");
    form.add("locale", "en");
    form.add("line1", "8 Huaihai Rd");
    form.add("city", "Shanghai");
    form.add("country", "CN");
    form.add("model", "X200");
    form.add("serialNumber", serial);
    form.add("channel", "OFFICIAL_STORE");
    form.add("invoiceNumber", "INV-7");
    form.add("invoiceDate", TestClock.today().minusMonths(2).toString());
    form.add("faultDescription", "The screen stays black");
    form.add("priority", "MEDIUM");
    form.add("serviceType", "MAIL_IN");
    form.add("dataBackedUp", "true");
    form.add("passwordsRemoved", "true");
    return form;
  }

  static String hidden(String html, String name) {
    Matcher value = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\""
        + Pattern.quote(name) + "\"").matcher(html);
    assertThat(value.find()).as("hidden field %s", name).isTrue();
    return value.group(1) != null ? value.group(1) : value.group(2);
  }
}
