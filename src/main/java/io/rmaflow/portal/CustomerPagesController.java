package io.rmaflow.portal;

import io.rmaflow.access.CustomerLinks;
import io.rmaflow.cancellation.CancellationService;
import io.rmaflow.complaint.ComplaintService;
import io.rmaflow.feedback.FeedbackService;
import io.rmaflow.intake.DuplicateOpenRmaException;
import io.rmaflow.intake.RmaApplication;
import io.rmaflow.intake.SubmitRmaService;
import io.rmaflow.process.CaseNotAwaitingException;
import io.rmaflow.process.Priority;
import io.rmaflow.process.ServiceType;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.repair.QuoteService;
import io.rmaflow.rmacase.CaseQueryService;
import io.rmaflow.rmacase.RmaCase;
import io.rmaflow.shipping.ShipInService;
import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Sha256;
import io.rmaflow.warranty.ProofScan;
import io.rmaflow.warranty.WarrantyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer's pages (customer-pages.md): apply, the case's page with its actions, the packing
 * slip. A case is reached only with its link's token; a wrong, altered or revoked one gets the
 * same 404 as a case that does not exist. Each action is the API's own call; it answers with the
 * page again, saying in words what happened or why it could not.
 */
@Controller
@RequestMapping("/portal")
class CustomerPagesController {

  private final SubmitRmaService submissions;
  private final CaseQueryService cases;
  private final CustomerLinks links;
  private final ShipInService shipIn;
  private final WarrantyService warranty;
  private final QuoteService quotes;
  private final CancellationService cancellations;
  private final ComplaintService complaints;
  private final FeedbackService feedback;
  private final RmaProperties properties;
  private final RmaClock clock;

  CustomerPagesController(SubmitRmaService submissions, CaseQueryService cases, CustomerLinks links, ShipInService shipIn,
      WarrantyService warranty, QuoteService quotes, CancellationService cancellations, ComplaintService complaints,
      FeedbackService feedback, RmaProperties properties, RmaClock clock) {
    this.submissions = submissions;
    this.cases = cases;
    this.links = links;
    this.shipIn = shipIn;
    this.warranty = warranty;
    this.quotes = quotes;
    this.cancellations = cancellations;
    this.complaints = complaints;
    this.feedback = feedback;
    this.properties = properties;
    this.clock = clock;
  }

  // --- the application ----------------------------------------------------------------------

  @GetMapping({"", "/"})
  String home() {
    return "redirect:/portal/apply";
  }

  @GetMapping("/apply")
  String applicationForm(Model model, Locale locale) {
    ApplicationForm form = new ApplicationForm();
    form.setLocale(locale.getLanguage());
    return apply(model, form, UUID.randomUUID().toString(), Map.of());
  }

  @PostMapping("/apply")
  String applyFor(@ModelAttribute("form") ApplicationForm form, @RequestParam String submissionKey, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    // The form is answered in the language it was shown in, whatever the browser asks for.
    request.setAttribute(PortalLocale.CASE_LOCALE, PortalLocale.supported(form.getLocale()));
    Map<String, String> problems = new LinkedHashMap<>();
    List<String> unreadable = new ArrayList<>();
    var application = form.toApplication(unreadable);
    unreadable.forEach(field -> problems.put(FormFields.of(field), "portal.invalid.format"));
    if (!form.isTermsAccepted()) {
      problems.put("termsAccepted", "portal.invalid.terms");
    }
    if (problems.isEmpty()) {
      try {
        String rmaNumber = submissions.submit(application, idempotencyKey(submissionKey, application),
            properties.portal().termsVersion()).rmaNumber();
        return redirectTo(links.pageUrl(rmaNumber).orElseThrow(), "applied", null);
      } catch (ConstraintViolationException invalid) {
        invalid.getConstraintViolations().forEach(violation ->
            problems.putIfAbsent(FormFields.of(violation.getPropertyPath().toString()), violation.getMessage()));
      } catch (InvalidFieldException invalid) {
        problems.put(FormFields.of(invalid.field()), invalid.getMessage());
      } catch (DuplicateOpenRmaException open) {
        problems.put("serialNumber", "portal.invalid.openCase");
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return apply(model, form, submissionKey, problems);
  }

  /**
   * A second click sends the same form and files no second case; the same form changed (after the
   * browser's back button) is another application, refused only if the device has one open.
   */
  private static String idempotencyKey(String submissionKey, RmaApplication application) {
    String form = submissionKey.matches("[A-Za-z0-9-]{1,64}") ? submissionKey : UUID.randomUUID().toString();
    return "portal-" + form + "-" + Sha256.of(application);
  }

  private String apply(Model model, ApplicationForm form, String submissionKey, Map<String, String> problems) {
    model.addAttribute("form", form);
    model.addAttribute("submissionKey", submissionKey);
    model.addAttribute("problems", problems);
    model.addAttribute("channels", SalesChannel.values());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("serviceTypes", ServiceType.values());
    model.addAttribute("termsVersion", properties.portal().termsVersion());
    return "portal/apply";
  }

  // --- the case's page ----------------------------------------------------------------------

  @GetMapping("/rmas/{rmaNumber}")
  String casePage(@PathVariable String rmaNumber, @RequestParam(required = false) String token,
      @RequestParam(required = false) String done, Model model, HttpServletRequest request, HttpServletResponse response) {
    if (!links.opens(rmaNumber, token)) {
      return notFound(response);
    }
    model.addAttribute("done", done == null || !done.matches("[a-z]{1,20}") ? null : done);
    return page(rmaNumber, token, model, request, Map.of(), null);
  }

  @GetMapping("/rmas/{rmaNumber}/packing-slip")
  String packingSlip(@PathVariable String rmaNumber, @RequestParam(required = false) String token, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    if (!links.opens(rmaNumber, token)) {
      return notFound(response);
    }
    RmaCase rma = cases.rmaCase(rmaNumber);
    request.setAttribute(PortalLocale.CASE_LOCALE, caseLocale(rma));
    model.addAttribute("rma", rma);
    model.addAttribute("token", token);
    model.addAttribute("qrCode", QrCode.svg(rmaNumber, rmaNumber));
    model.addAttribute("centreName", properties.centre().name());
    model.addAttribute("centreAddress", properties.centre().address());
    return "portal/packing-slip";
  }

  @PostMapping("/rmas/{rmaNumber}/shipment")
  String reportShipment(@PathVariable String rmaNumber, @RequestParam String token, @RequestParam String carrier,
      @RequestParam String trackingNumber, Model model, HttpServletRequest request, HttpServletResponse response) {
    return act(rmaNumber, token, "shipment", model, request, response, () -> {
      Map<String, String> problems = new LinkedHashMap<>();
      required(problems, "carrier", carrier, 100);
      required(problems, "trackingNumber", trackingNumber, 100);
      if (problems.isEmpty()) {
        shipIn.reportShipment(rmaNumber, carrier.strip(), trackingNumber.strip());
      }
      return problems;
    });
  }

  @PostMapping("/rmas/{rmaNumber}/proof")
  String sendProof(@PathVariable String rmaNumber, @RequestParam String token, @RequestParam String invoiceNumber,
      @RequestParam String invoiceDate, @RequestParam(required = false) String deliveryDate,
      @RequestParam(required = false) MultipartFile scan, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    return act(rmaNumber, token, "proof", model, request, response, () -> {
      Map<String, String> problems = new LinkedHashMap<>();
      required(problems, "invoiceNumber", invoiceNumber, 100);
      // As the API's ProofOfPurchase: an invoice or a delivery in the future is a typing error.
      LocalDate invoiced = pastDate(problems, "invoiceDate", invoiceDate, true);
      LocalDate delivered = pastDate(problems, "deliveryDate", deliveryDate, false);
      ProofScan proof = null;
      if (scan == null || scan.isEmpty()) {
        problems.put("scan", "portal.invalid.required");
      } else {
        try {
          proof = ProofScan.of(scan.getOriginalFilename(), scan.getBytes());
        } catch (InvalidFieldException invalid) {
          problems.put("scan", "portal.invalid.scan");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (problems.isEmpty()) {
        warranty.submitProof(rmaNumber, invoiceNumber.strip(), invoiced, delivered, proof);
      }
      return problems;
    });
  }

  @PostMapping("/rmas/{rmaNumber}/quote")
  String decideQuote(@PathVariable String rmaNumber, @RequestParam String token, @RequestParam String decision,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    // Declining cannot be undone, so only the decline button's own value declines.
    boolean accepted = "accept".equals(decision);
    boolean declined = "decline".equals(decision);
    return act(rmaNumber, token, accepted ? "accepted" : "declined", model, request, response, () -> {
      if (accepted) {
        quotes.accept(rmaNumber);
      } else if (declined) {
        quotes.decline(rmaNumber);
      } else {
        return Map.of("decision", "portal.invalid.required");
      }
      return Map.of();
    });
  }

  @PostMapping("/rmas/{rmaNumber}/cancellation")
  String cancel(@PathVariable String rmaNumber, @RequestParam String token, @RequestParam String reason, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    return act(rmaNumber, token, "cancelled", model, request, response, () -> {
      Map<String, String> problems = new LinkedHashMap<>();
      required(problems, "reason", reason, 500);
      if (problems.isEmpty()) {
        cancellations.cancel(rmaNumber, reason.strip());
      }
      return problems;
    });
  }

  @PostMapping("/rmas/{rmaNumber}/complaint")
  String complain(@PathVariable String rmaNumber, @RequestParam String token, @RequestParam String text, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    return act(rmaNumber, token, "complaint", model, request, response, () -> {
      Map<String, String> problems = new LinkedHashMap<>();
      required(problems, "text", text, 2000);
      if (problems.isEmpty()) {
        complaints.file(rmaNumber, text.strip());
      }
      return problems;
    });
  }

  @PostMapping("/rmas/{rmaNumber}/feedback")
  String giveFeedback(@PathVariable String rmaNumber, @RequestParam String token,
      @RequestParam(required = false) String rating, @RequestParam(required = false) String comment, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    return act(rmaNumber, token, "feedback", model, request, response, () -> {
      Map<String, String> problems = new LinkedHashMap<>();
      int stars = rating != null && rating.matches("[1-5]") ? Integer.parseInt(rating) : 0;
      if (stars == 0) {
        problems.put("rating", "portal.invalid.rating");
      }
      if (comment != null && comment.length() > 2000) {
        problems.put("comment", "portal.invalid.length");
      }
      if (problems.isEmpty()) {
        feedback.give(rmaNumber, stars, comment == null || comment.isBlank() ? null : comment.strip());
      }
      return problems;
    });
  }

  /** What an action answers: the page with its result; a refusal or a problem with what was sent, in words. */
  private String act(String rmaNumber, String token, String done, Model model, HttpServletRequest request,
      HttpServletResponse response, Action action) {
    if (!links.opens(rmaNumber, token)) {
      return notFound(response);
    }
    Map<String, String> problems;
    try {
      problems = action.run();
    } catch (CaseNotAwaitingException refused) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(rmaNumber, token, model, request, Map.of(), "portal.refused");
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(rmaNumber, token, model, request, problems, null);
    }
    String lang = request.getParameter("lang");
    return redirectTo(URI.create("/portal/rmas/" + rmaNumber + "?token=" + token), done, lang);
  }

  @FunctionalInterface
  private interface Action {
    Map<String, String> run();
  }

  private String page(String rmaNumber, String token, Model model, HttpServletRequest request, Map<String, String> problems,
      String refusal) {
    CasePage page = CasePage.of(cases.get(rmaNumber));
    request.setAttribute(PortalLocale.CASE_LOCALE, caseLocale(page.rmaCase()));
    model.addAttribute("page", page);
    model.addAttribute("rma", page.rmaCase());
    model.addAttribute("token", token);
    model.addAttribute("problems", problems);
    model.addAttribute("refusal", refusal);
    return "portal/case";
  }

  private static Locale caseLocale(RmaCase rma) {
    Locale locale = PortalLocale.supported(rma.customer().locale());
    return locale == null ? Locale.ENGLISH : locale;
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "portal/not-found";
  }

  private static String redirectTo(URI page, String done, String lang) {
    StringBuilder target = new StringBuilder(page.getRawPath()).append('?').append(page.getRawQuery());
    if (done != null) {
      target.append("&done=").append(done);
    }
    if (PortalLocale.supported(lang) != null) {
      target.append("&lang=").append(lang);
    }
    return "redirect:" + target;
  }

  private static void required(Map<String, String> problems, String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      problems.put(field, "portal.invalid.required");
    } else if (value.length() > maxLength) {
      problems.put(field, "portal.invalid.length");
    }
  }

  /** A day up to the centre's today; a problem for the field otherwise. */
  private LocalDate pastDate(Map<String, String> problems, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.put(field, "portal.invalid.required");
      }
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (date.isAfter(clock.today())) {
        problems.put(field, "portal.invalid.future");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.put(field, "portal.invalid.format");
      return null;
    }
  }
}
