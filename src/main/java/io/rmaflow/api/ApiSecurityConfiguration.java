package io.rmaflow.api;

import io.rmaflow.security.ApiKeys;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The domain API ({@code /api/**}) authenticates every call: machine clients with an API key,
 * people with HTTP Basic against the engine's identity service. {@code api-clients} may call
 * everything, staff may read, administrators manage the API keys. A
 * user logged in to the Camunda webapps may also read with that session. Spring
 * Security guards only {@code /api/*}; the webapps keep their own login and CSRF protection,
 * and the engine REST API its own authentication filter.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

  static final String API_CLIENT = ApiRoles.API_CLIENT;
  static final String STAFF = ApiRoles.STAFF;
  static final String OVERSIGHT = ApiRoles.OVERSIGHT;
  static final String ADMIN = ApiRoles.ADMIN;

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, IdentityService identityService,
      ProcessEngine processEngine, ApiKeys apiKeys, RmaProperties properties, RmaClock clock) throws Exception {
    return http
        .securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/api/actuator/health", "/api/actuator/health/liveness",
                "/api/actuator/health/readiness").permitAll()
            // Before the reads: listing API keys is for administrators too.
            .requestMatchers("/api/admin/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/sla/**", "/api/insight/**", "/api/actuator/**")
            .hasRole(OVERSIGHT)
            // A customer's scans are for the staff who check them, not for carriers or gateways.
            .requestMatchers(HttpMethod.GET, "/api/rmas/*/documents/*").hasRole(STAFF)
            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(API_CLIENT, STAFF)
            .requestMatchers(HttpMethod.POST, "/api/contracts/*/reports/*").hasRole(ADMIN)
            // The service desk sends a customer a new link on request.
            .requestMatchers(HttpMethod.POST, "/api/rmas/*/customer-link").hasAnyRole(API_CLIENT, STAFF)
            .anyRequest().hasRole(API_CLIENT))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, identityService, problems::unauthorized),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new PaymentSignatures(properties, clock, problems), AuthorizationFilter.class)
        // Reads from the Cockpit page, where the user is logged in to the webapps (see the filter for CSRF).
        .addFilterAfter(new WebappSessionAuthenticationFilter(identityService, processEngine.getName()),
            BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(problems::unauthorized)
            .accessDeniedHandler(problems::forbidden))
        // The API never creates a session; one it reads is the webapps', and only for safe methods.
        // It must not change that session's id either (fixation protection belongs to the
        // webapps' login): Cockpit's parallel calls would go out with an id no longer valid.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** Outermost: a database outage met anywhere, authentication included, is a 503 (see the filter). */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableAnswers> databaseUnavailableAnswers(ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new DatabaseUnavailableAnswers(problems));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/portal/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  AuthenticationProvider camundaIdentityAuthentication(IdentityService identityService) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        // checkPassword also applies the engine's delay after failed attempts.
        if (!identityService.checkPassword(userId, password)) {
          throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, ApiRoles.of(identityService, userId));
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }

  /**
   * Applies Spring Security's filter (and its firewall) to the domain API and the customer pages
   * only; the Camunda webapps and the engine REST API have their own authentication.
   */
  @Bean
  static BeanPostProcessor securityFilterOnApiOnly() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
            && "securityFilterChainRegistration".equals(beanName)) {
          registration.setUrlPatterns(List.of("/api/*", "/portal/*"));
        }
        return bean;
      }
    };
  }
}
