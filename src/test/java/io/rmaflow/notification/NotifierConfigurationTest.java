package io.rmaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.rmacase.CaseStatus;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.RmaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class NotifierConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RmaProperties.class)
  @Import({NotifierConfiguration.class, NoticeRenderer.class})
  static class Notifiers {}

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
      .withUserConfiguration(Notifiers.class);

  @Test
  void withoutAMailServerNoticesAreOnlyLogged() {
    context.run(app -> assertThat(app).getBean(CustomerNotifier.class).isInstanceOf(LoggingCustomerNotifier.class));
  }

  @Test
  void withAMailServerNoticesGoOutBySmtp() {
    context.withPropertyValues("spring.mail.host=smtp.example.com")
        .run(app -> assertThat(app).getBean(CustomerNotifier.class).isInstanceOf(SmtpCustomerNotifier.class));
  }

  @Test
  void theLoggedNoticeIsMarkedNotSent() {
    RmaCase rmaCase = new RmaCase("RMA-2026-000001", CaseStatus.AWAITING_PAYMENT, null, null, null,
        new RmaCase.Customer("Li Wei", "li.wei@example.com", null, "en", null, "Shanghai", null, null, "CN"),
        "X200", "SN-1", ProductCategory.DEVICE, SalesChannel.OFFICIAL_STORE, null, null, null, "Does not power on",
        null, Priority.MEDIUM, ServiceType.MAIL_IN, false, null, null, null, null, null,
        new RmaCase.Warranty(null, null, null, null, null, null, null),
        new RmaCase.Quote(null, null, null, null, null, null), new RmaCase.Payment(null, null, null, null),
        null, null, 0, null, null, null, null, null, null);

    var delivery = new LoggingCustomerNotifier().deliver(new CustomerNotice(NoticeType.QUOTE, rmaCase));

    assertThat(delivery.sent()).isFalse();
    assertThat(delivery.detail()).contains("not sent");
  }
}
