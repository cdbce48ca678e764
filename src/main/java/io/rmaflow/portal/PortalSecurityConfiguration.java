package io.rmaflow.portal;

import io.rmaflow.support.RmaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The customer pages need no login: the case's link is the credential, checked by the pages
 * themselves. Every form is CSRF-protected (a cookie and the form's hidden field must agree, so
 * no session is needed); the pages may not be framed, load nothing from elsewhere and send no
 * referrer, which would carry the link's token; and one address may make only so many requests
 * a minute.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      + "script-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain portalSecurity(HttpSecurity http, RmaProperties properties) throws Exception {
    CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
    // The form carries the token as rendered; no script runs to unmask it.
    plainToken.setCsrfRequestAttributeName("_csrf");
    return http
        .securityMatcher("/portal/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
            .csrfTokenRequestHandler(plainToken))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .frameOptions(frames -> frames.deny()))
        .addFilterBefore(new RequestsPerAddress(properties.portal().requestsPerMinute()),
            org.springframework.security.web.csrf.CsrfFilter.class)
        .requestCache(cache -> cache.disable())
        .build();
  }
}
