package io.rmaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;

/** What a customer received by mail in a test, and the checks every notice passes. */
public final class ReceivedMail {

  private ReceivedMail() {}

  /** The one message sent to {@code email}. */
  public static MimeMessage single(GreenMail greenMail, String email) {
    MimeMessage[] received = greenMail.getReceivedMessagesForDomain(email);
    assertThat(received).as("messages to %s", email).hasSize(1);
    return received[0];
  }

  /**
   * A notice about {@code reference} reached {@code email} from the centre, as text and HTML in
   * the customer's language, each stating every one of {@code facts}, with nothing left unrendered.
   *
   * @return the plain text
   */
  public static String assertNotice(MimeMessage message, String email, String reference, String locale, List<String> facts)
      throws Exception {
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(email);
    assertThat(message.getFrom()[0].toString()).contains("service@rmaflow.example");
    assertThat(message.getSubject()).startsWith("[" + reference + "] ");
    assertThat(message.getSubject().substring(reference.length() + 3))
        .as("subject in %s", locale).matches(locale.equals("zh") ? ".*\\p{IsHan}.*" : "[\\x20-\\x7E]+");
    String text = part(message, "text/plain");
    String html = part(message, "text/html");
    for (String fact : facts) {
      assertThat(text).as("plain text of %s", message.getSubject()).contains(fact);
      assertThat(html).as("HTML of %s", message.getSubject()).contains(fact);
    }
    assertThat(text).doesNotContain("[(", "#{", "??", "null");
    assertThat(html).doesNotContain("??", ">null<").contains("<html", "lang=\"" + locale + "\"");
    return text;
  }

  /** The decoded body part of the given type; text and HTML are alternatives of one multipart message. */
  public static String part(MimeMessage message, String type) throws Exception {
    assertThat(message.isMimeType("multipart/*")).isTrue();
    String found = find((Multipart) message.getContent(), type);
    assertThat(found).as("%s part of %s", type, message.getSubject()).isNotNull();
    return found;
  }

  /** The bytes of the inline image the HTML part shows as {@code cid:contentId}. */
  public static byte[] inlineImage(MimeMessage message, String contentId) throws Exception {
    byte[] found = image((Multipart) message.getContent(), "<" + contentId + ">");
    assertThat(found).as("inline image %s of %s", contentId, message.getSubject()).isNotNull();
    return found;
  }

  private static byte[] image(Multipart multipart, String contentId) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part instanceof MimeBodyPart mime && contentId.equals(mime.getContentID())) {
        try (InputStream in = mime.getInputStream()) {
          return in.readAllBytes();
        }
      }
      if (part.isMimeType("multipart/*")) {
        byte[] nested = image((Multipart) part.getContent(), contentId);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static String find(Multipart multipart, String type) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        String nested = find((Multipart) part.getContent(), type);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }
}
