package io.rmaflow.notification;

import io.rmaflow.support.RmaProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Notices go out by SMTP when a mail server is configured ({@code spring.mail.host}, the
 * same switch that creates Spring's mail sender), and are only logged otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class NotifierConfiguration {

  @Bean
  @ConditionalOnExpression("'${spring.mail.host:}' != ''")
  CustomerNotifier smtpCustomerNotifier(JavaMailSender mailSender, NoticeRenderer renderer, RmaProperties properties) {
    return new SmtpCustomerNotifier(mailSender, renderer, properties.mail().from());
  }

  @Bean
  @ConditionalOnExpression("'${spring.mail.host:}' == ''")
  CustomerNotifier loggingCustomerNotifier() {
    return new LoggingCustomerNotifier();
  }
}
