package io.rmaflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a customer page: the one the customer chose with the page's switch
 * ({@code lang}), else the case's (the customer's locale on the application), else what the
 * browser asks for; English or Chinese.
 */
@Component("localeResolver")
public class PortalLocale implements LocaleResolver {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.CHINESE);
  static final String CASE_LOCALE = PortalLocale.class.getName() + ".case";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Locale chosen = supported(request.getParameter("lang"));
    if (chosen != null) {
      return chosen;
    }
    if (request.getAttribute(CASE_LOCALE) instanceof Locale ofCase) {
      return ofCase;
    }
    for (Locale asked : java.util.Collections.list(request.getLocales())) {
      Locale fitting = supported(asked.getLanguage());
      if (fitting != null) {
        return fitting;
      }
    }
    return Locale.ENGLISH;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    request.setAttribute(CASE_LOCALE, locale);
  }

  static Locale supported(String language) {
    if (language == null) {
      return null;
    }
    return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(null);
  }
}
