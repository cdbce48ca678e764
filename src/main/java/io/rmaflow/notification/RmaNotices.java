package io.rmaflow.notification;

import io.rmaflow.access.CustomerLinks;
import io.rmaflow.process.RefundCause;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The notices of a repair case: what {@code templates/mail/notice.*} shows, from the case file. */
@Component
class RmaNotices {

  static final String TEMPLATE = "notice";

  private final NoticeRenderer renderer;
  private final CustomerLinks links;
  private final BigDecimal taxRate;

  RmaNotices(NoticeRenderer renderer, CustomerLinks links, RmaProperties properties) {
    this.renderer = renderer;
    this.links = links;
    this.taxRate = properties.quote().taxRate();
  }

  CustomerNotice noticeFor(NoticeType type, RmaCase rma) {
    return noticeFor(type, rma, Map.of());
  }

  CustomerNotice noticeFor(NoticeType type, RmaCase rma, Map<String, Object> facts) {
    String locale = rma.customer().locale();
    Map<String, Object> model = model(type, rma, Locale.forLanguageTag(locale));
    model.putAll(facts);
    return new CustomerNotice(type.name(), rma.rmaNumber(), rma.customer().email(), locale, TEMPLATE, model);
  }

  private Map<String, Object> model(NoticeType type, RmaCase rma, Locale locale) {
    Map<String, Object> model = new HashMap<>();
    model.put("closing", type.closesCase());
    model.put("rma", rma);
    model.put("rmaNumber", rma.rmaNumber());
    model.put("customerName", rma.customer().name());
    model.put("product", rma.productModel() + " (" + rma.serialNumber() + ")");
    // Every notice leads to the case's own page, where the customer sees and does the rest.
    links.pageUrl(rma.rmaNumber()).ifPresent(page -> model.put("customerPage", page.toString()));
    putIfPresent(model, "shipBy", renderer.dateTime(rma.shipBy()));
    putIfPresent(model, "autoCloseAt", renderer.dateTime(rma.autoCloseAt()));
    putIfPresent(model, "proofDueBy", renderer.dateTime(rma.warranty().proofDueBy()));
    putIfPresent(model, "paymentDueBy", renderer.dateTime(rma.quote().paymentDueBy()));
    model.put("taxPercent", taxRate.movePointRight(2).stripTrailingZeros().toPlainString());
    putIfPresent(model, "warrantyReason", warrantyReason(rma, locale));
    if (rma.resolution() != null) {
      model.put("resolution", renderer.message("resolution." + rma.resolution(), locale));
    }
    RmaCase.Refund refund = rma.refund();
    if (refund != null) {
      model.put("refundOnComplaint", refund.cause() == RefundCause.COMPLAINT);
      if (refund.amount() != null) {
        model.put("refundAmount", refund.amount().toPlainString() + " " + refund.currency());
        model.put("refundPaymentOf", refund.paymentOf());
      }
    }
    if (rma.parcelCondition() != null) {
      model.put("parcelProblem", renderer.message("condition." + rma.parcelCondition(), locale));
    }
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
      case FREE -> renderer.message("warranty.free", locale, end);
      case NO_FAULT -> renderer.message("warranty.noFault", locale);
      case PROOF_REQUIRED -> renderer.message("warranty.proofRequired", locale);
      case PAID -> {
        if (warranty.faultCause() != null && !"MANUFACTURING_DEFECT".equals(warranty.faultCause())) {
          yield renderer.message("warranty.excluded", locale, renderer.message("cause." + warranty.faultCause(), locale));
        }
        yield warranty.end() == null
            ? renderer.message("warranty.noProof", locale)
            : renderer.message("warranty.outOfWarranty", locale, end);
      }
    };
  }

  /** Map.copyOf in the notice refuses nulls; a fact a case lacks is simply not in the model. */
  private static void putIfPresent(Map<String, Object> model, String key, Object value) {
    if (value != null) {
      model.put(key, value);
    }
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
