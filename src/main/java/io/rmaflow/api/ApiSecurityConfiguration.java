package io.rmaflow.api;

import io.rmaflow.process.RmaProcess.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The domain API ({@code /api/**}) authenticates every call with HTTP Basic against the
 * engine's identity service: {@code api-clients} may call everything, staff may read. Spring
 * Security guards only {@code /api/*}; the webapps keep their own login and CSRF protection,
 * and the engine REST API its own authentication filter.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

  static final String API_CLIENT = "API_CLIENT";
  static final String STAFF = "STAFF";
  /** Who oversees the whole centre: service-level data spans every group's work. */
  static final String OVERSIGHT = "OVERSIGHT";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/api/actuator/health", "/api/actuator/health/liveness",
                "/api/actuator/health/readiness").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/sla/**", "/api/actuator/**").hasRole(OVERSIGHT)
            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(API_CLIENT, STAFF)
            .anyRequest().hasRole(API_CLIENT))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(problems::unauthorized)
            .accessDeniedHandler(problems::forbidden))
        // A stateless API authenticated on every call: no session, no cookie, hence no CSRF.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
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
        List<GrantedAuthority> roles = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
          if (Groups.API_CLIENTS.equals(group.getId())) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + API_CLIENT));
          } else if (Groups.STAFF.contains(group.getId()) || Groups.PROCESS_OWNERS.equals(group.getId())
              || Groups.CAMUNDA_ADMIN.equals(group.getId())) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + STAFF));
          }
          if (Groups.PROCESS_OWNERS.equals(group.getId()) || Groups.SERVICE_MANAGERS.equals(group.getId())
              || Groups.CAMUNDA_ADMIN.equals(group.getId())) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + OVERSIGHT));
          }
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }

  /** Applies Spring Security's filter (and its firewall) to the domain API only. */
  @Bean
  static BeanPostProcessor securityFilterOnApiOnly() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
            && "securityFilterChainRegistration".equals(beanName)) {
          registration.setUrlPatterns(List.of("/api/*"));
        }
        return bean;
      }
    };
  }
}
