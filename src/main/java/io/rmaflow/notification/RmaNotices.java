package io.rmaflow.notification;

import io.rmaflow.access.CustomerLinks;
import io.rmaflow.process.RefundCause;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.net.URI;
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
    model.put("customerPage", links.pageUrl(rma.rmaNumber()).map(URI::toString).orElse(null));
    model.put("shipBy", renderer.dateTime(rma.shipBy()));
    model.put("autoCloseAt", renderer.dateTime(rma.autoCloseAt()));
    model.put("proofDueBy", renderer.dateTime(rma.warranty().proofDueBy()));
    model.put("paymentDueBy", renderer.dateTime(rma.quote().paymentDueBy()));
    model.put("taxPercent", taxRate.movePointRight(2).stripTrailingZeros().toPlainString());
    model.put("warrantyReason", warrantyReason(rma, locale));
    model.put("resolution", rma.resolution() == null ? null : renderer.message("resolution." + rma.resolution(), locale));
    RmaCase.Refund refund = rma.refund();
    if (refund != null) {
      model.put("refundOnComplaint", refund.cause() == RefundCause.COMPLAINT);
      if (refund.amount() != null) {
        model.put("refundAmount", refund.amount().toPlainString() + " " + refund.currency());
        model.put("refundPaymentOf", refund.paymentOf());
      }
    }
    model.put("parcelProblem",
        rma.parcelCondition() == null ? null : renderer.message("condition." + rma.parcelCondition(), locale));
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

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
