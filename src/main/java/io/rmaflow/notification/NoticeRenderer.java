package io.rmaflow.notification;

import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders customer notices from the templates under {@code templates/mail/}: one HTML and one plain
 * text template, worded by the message bundles {@code mail/messages*.properties} in the
 * customer's language.
 */
@Component
public class NoticeRenderer {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  private final MessageSource messages;
  private final RmaProperties.Centre centre;
  private final BigDecimal taxRate;

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
    this.taxRate = properties.quote().taxRate();
  }

  public RenderedNotice render(CustomerNotice notice) {
    Locale locale = Locale.forLanguageTag(notice.locale());
    Context context = new Context(locale, model(notice, locale));
    String subject = messages.getMessage("subject." + notice.type(), new Object[] {notice.rmaNumber()}, locale);
    context.setVariable("subject", subject);
    return new RenderedNotice(subject, templates.process("notice.txt", context), templates.process("notice.html", context));
  }

  private Map<String, Object> model(CustomerNotice notice, Locale locale) {
    RmaCase rma = notice.rmaCase();
    Map<String, Object> model = new HashMap<>();
    model.put("type", notice.type().name());
    model.put("closing", notice.type().closesCase());
    model.put("rma", rma);
    model.put("rmaNumber", rma.rmaNumber());
    model.put("customerName", rma.customer().name());
    model.put("product", rma.productModel() + " (" + rma.serialNumber() + ")");
    model.put("centreName", centre.name());
    model.put("centreAddress", centre.address());
    model.put("shipBy", dateTime(rma.shipBy()));
    model.put("autoCloseAt", dateTime(rma.autoCloseAt()));
    model.put("proofDueBy", dateTime(rma.warranty().proofDueBy()));
    model.put("paymentDueBy", dateTime(rma.quote().paymentDueBy()));
    model.put("taxPercent", taxRate.movePointRight(2).stripTrailingZeros().toPlainString());
    model.put("warrantyReason", warrantyReason(rma, locale));
    model.put("resolution", rma.resolution() == null ? null
        : messages.getMessage("resolution." + rma.resolution(), null, locale));
    model.put("parcelProblem", rma.parcelCondition() == null ? null
        : messages.getMessage("condition." + rma.parcelCondition(), null, locale));
    return model;
  }

  /** The warranty decision in the customer's words; the decision table's reason is for staff. */
  private String warrantyReason(RmaCase rma, Locale locale) {
    RmaCase.Warranty warranty = rma.warranty();
    if (warranty.coverage() == null) {
      return null;
    }
    String end = date(warranty.end());
    return switch (warranty.coverage()) {
      case FREE -> messages.getMessage("warranty.free", new Object[] {end}, locale);
      case NO_FAULT -> messages.getMessage("warranty.noFault", null, locale);
      case PROOF_REQUIRED -> messages.getMessage("warranty.proofRequired", null, locale);
      case PAID -> {
        if (warranty.faultCause() != null && !"MANUFACTURING_DEFECT".equals(warranty.faultCause())) {
          yield messages.getMessage("warranty.excluded",
              new Object[] {messages.getMessage("cause." + warranty.faultCause(), null, locale)}, locale);
        }
        yield warranty.end() == null
            ? messages.getMessage("warranty.noProof", null, locale)
            : messages.getMessage("warranty.outOfWarranty", new Object[] {end}, locale);
      }
    };
  }

  private String dateTime(OffsetDateTime time) {
    if (time == null) {
      return null;
    }
    ZoneId zone = centre.zoneId();
    return DATE_TIME.format(time.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
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
