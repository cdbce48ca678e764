package io.rmaflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server inside the test JVM (GreenMail), so every test that moves a case sends
 * its notices by SMTP as the running app would. It takes a free port, so two builds on one
 * machine do not collide.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailTestConfiguration {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail() {
    // A fixed port for the context's lifetime: tests stop and restart the server to play an outage.
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.port(freePort()));
    greenMail.start();
    return greenMail;
  }

  @Bean
  DynamicPropertyRegistrar smtpPort(GreenMail greenMail) {
    int port = greenMail.getSmtp().getPort();
    return registry -> registry.add("spring.mail.port", () -> port);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
