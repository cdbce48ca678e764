package io.rmaflow.notification;

import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders customer notices from their templates under {@code templates/mail/}: one HTML and one
 * plain text template each, worded by the message bundles {@code mail/messages*.properties} in the
 * customer's language. Every notice knows the centre's name and address.
 */
@Component
public class NoticeRenderer {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  private final MessageSource messages;
  private final RmaProperties.Centre centre;

  public NoticeRenderer(RmaProperties properties) {
    ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
    bundle.setBasename("mail/messages");
    bundle.setDefaultEncoding("UTF-8");
    bundle.setFallbackToSystemLocale(false);
    this.messages = bundle;
    templates.setTemplateEngineMessageSource(bundle);
    templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    this.centre = properties.centre();
  }

  public RenderedNotice render(CustomerNotice notice) {
    Locale locale = Locale.forLanguageTag(notice.locale());
    Context context = new Context(locale, notice.model());
    String subject = message("subject." + notice.type(), locale, notice.reference());
    context.setVariable("type", notice.type());
    context.setVariable("subject", subject);
    context.setVariable("centreName", centre.name());
    context.setVariable("centreAddress", centre.address());
    return new RenderedNotice(subject, templates.process(notice.template() + ".txt", context),
        templates.process(notice.template() + ".html", context));
  }

  /** A wording of the message bundles in the customer's language, for what a model puts into words. */
  public String message(String code, Locale locale, Object... arguments) {
    return messages.getMessage(code, arguments, locale);
  }

  /** A moment as notices show it: to the minute, in the centre's time zone, which is named. */
  public String dateTime(OffsetDateTime time) {
    if (time == null) {
      return null;
    }
    ZoneId zone = centre.zoneId();
    return DATE_TIME.format(time.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.getResolvablePatternSpec().addPattern(pattern);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    resolver.setCacheable(true);
    return resolver;
  }
}
