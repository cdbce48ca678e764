package io.rmaflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real SMTP server inside the test JVM (GreenMail, port 3025), so every test that moves a
 * case sends its notices by SMTP as the running app would.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailTestConfiguration {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP);
    greenMail.start();
    return greenMail;
  }
}
