package io.rmaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.support.RmaProperties;
import java.util.Map;
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
    var delivery = new LoggingCustomerNotifier().deliver(
        new CustomerNotice(NoticeType.QUOTE.name(), "RMA-2026-000001", "li.wei@example.com", "en", "notice", Map.of()));

    assertThat(delivery.sent()).isFalse();
    assertThat(delivery.detail()).contains("not sent");
  }
}
