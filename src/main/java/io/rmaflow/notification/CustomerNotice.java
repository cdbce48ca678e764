package io.rmaflow.notification;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A notice to one customer about one case or contract: its type (which also names its
 * subject, {@code subject.<type>} in the message bundles), the case's or contract's number,
 * the recipient and their language, the template pair under {@code templates/mail/} and what
 * the template shows. The recipient stays out of logs and incident messages.
 */
public record CustomerNotice(String type, String reference, String recipient, String locale, String template,
    Map<String, Object> model, List<InlineImage> images) {

  /** A fact the case or contract lacks (null) is simply not in the model, where templates find it absent. */
  public CustomerNotice {
    model = model.entrySet().stream().filter(fact -> fact.getValue() != null)
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    images = List.copyOf(images);
  }

  public CustomerNotice(String type, String reference, String recipient, String locale, String template,
      Map<String, Object> model) {
    this(type, reference, recipient, locale, template, model, List.of());
  }

  /**
   * A picture the HTML part shows in place ({@code <img src="cid:contentId">}), sent with the
   * message: mail clients show such images, where they block pictures from the web.
   */
  public record InlineImage(String contentId, String contentType, byte[] data) {}
}
