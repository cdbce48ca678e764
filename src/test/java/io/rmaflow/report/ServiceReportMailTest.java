package io.rmaflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.contract.Billing;
import io.rmaflow.contract.ContractPlan;
import io.rmaflow.contract.ContractRegistration;
import io.rmaflow.contract.ContractRegistrationService;
import io.rmaflow.contract.Contracts;
import io.rmaflow.contract.OutageService;
import io.rmaflow.notification.ReceivedMail;
import io.rmaflow.process.LifecycleDriver;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report's e-mail in English and Chinese: the month's figures in words and the chart as an
 * inline PNG, sent once however often it is sent. A support contract of June 2052 (no other
 * test's contract serves then) with three hours down on the 10th: 180 of 43200 minutes, 99.583 %.
 * The charts are kept under {@code target/report-charts/} to be looked at.
 */
@RmaSpringBootTest
class ServiceReportMailTest {

  static final YearMonth JUNE = YearMonth.parse("2052-06");

  @Autowired GreenMail greenMail;
  @Autowired LifecycleDriver driver;
  @Autowired ContractRegistrationService registrations;
  @Autowired OutageService outages;
  @Autowired ServiceReportService reports;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @ParameterizedTest(name = "in {0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | service report | 99.583 % (target 99.5 %), 180 minutes of downtime | Every target was met
      zh | 月度服务报告     | 99.583%（目标 99.5%），停机 180 分钟                | 本月所有服务指标均已达成
      """)
  void theReportGoesOutOnceInTheCustomersLanguageWithItsChart(String locale, String subject, String availability,
      String verdict) throws Exception {
    driver.setClock(OffsetDateTime.parse("2052-06-12T10:00:00+08:00").toInstant());
    String email = "report-" + UUID.randomUUID() + "@example.com";
    String contract = registrations.register(new ContractRegistration(Contracts.customer(email, locale), ContractPlan.SUPPORT,
        List.of(), "Order desk", LocalDate.parse("2052-06-01"), LocalDate.parse("2053-05-31"), Billing.ANNUAL,
        new ContractRegistration.Fee(new BigDecimal("12000.00"), "CNY"), null, LocalDate.parse("2053-05-31")), null)
        .contractNumber();
    outages.report(contract, OffsetDateTime.parse("2052-06-10T09:00:00+08:00"),
        OffsetDateTime.parse("2052-06-10T12:00:00+08:00"), "Order desk down");
    driver.setClock(OffsetDateTime.parse("2052-07-01T09:00:00+08:00").toInstant());
    reports.compile(contract, JUNE);

    reports.send(contract, JUNE);
    reports.send(contract, JUNE);

    var mail = ReceivedMail.single(greenMail, email);
    String text = ReceivedMail.assertNotice(mail, email, contract, locale, List.of(contract, "2052-06", availability, verdict));
    assertThat(mail.getSubject()).contains(subject);
    assertThat(text).doesNotContain("cid:");
    assertThat(ReceivedMail.part(mail, "text/html")).contains("cid:report-chart");
    byte[] png = ReceivedMail.inlineImage(mail, "report-chart");
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(chart.getWidth()).isEqualTo(ReportChart.WIDTH);
    assertThat(chart.getHeight()).isEqualTo(ReportChart.HEIGHT);
    Path kept = Path.of("target", "report-charts", "service-report-" + locale + ".png");
    Files.createDirectories(kept.getParent());
    Files.write(kept, png);
  }
}
