package io.rmaflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends notices by SMTP as multipart messages: plain text and HTML, in the customer's language. */
public class SmtpCustomerNotifier implements CustomerNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpCustomerNotifier.class);

  private final JavaMailSender mailSender;
  private final NoticeRenderer renderer;
  private final String from;

  public SmtpCustomerNotifier(JavaMailSender mailSender, NoticeRenderer renderer, String from) {
    this.mailSender = mailSender;
    this.renderer = renderer;
    this.from = from;
  }

  @Override
  public Delivery deliver(CustomerNotice notice) {
    RenderedNotice rendered = renderer.render(notice);
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(notice.recipient());
      helper.setSubject(rendered.subject());
      helper.setText(rendered.text(), rendered.html());
      for (CustomerNotice.InlineImage image : notice.images()) {
        helper.addInline(image.contentId(), new ByteArrayResource(image.data()), image.contentType());
      }
      mailSender.send(message);
    } catch (MessagingException | MailException e) {
      throw new NoticeDeliveryException(notice, e);
    }
    LOG.info("Notice {} for {} sent", notice.type(), notice.reference());
    return new Delivery(true, "sent");
  }
}
