package io.rmaflow.security;

import io.rmaflow.support.RmaProperties;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The doors in front of the engine: the engine REST API is open unless an authentication
 * filter guards it. This one takes an API key ({@code Authorization: Bearer rma_...}) or HTTP
 * Basic credentials, and runs each call as that user, so engine authorizations decide what the
 * caller may see and do. In front of every door that takes credentials, failed logins are
 * throttled per address.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestSecurityConfiguration {

  /** Before Spring Security's filter (order -100), so a throttled address is refused before its credentials are checked. */
  static final int THROTTLE_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<FailedLoginThrottle> failedLoginThrottle(RmaProperties properties) {
    var security = properties.security();
    var registration = new FilterRegistrationBean<>(
        new FailedLoginThrottle(security.failedLoginsPerWindow(), security.failedLoginWindow()));
    registration.setName("failed-login-throttle");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*");
    registration.setOrder(THROTTLE_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestCalls> engineRestCalls() {
    var registration = new FilterRegistrationBean<>(new EngineRestCalls());
    registration.setName("engine-rest-calls");
    // Both doors to the engine's REST resources: the public API and the one Tasklist and Cockpit use.
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(THROTTLE_ORDER + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestPaging> engineRestPaging() {
    var registration = new FilterRegistrationBean<>(new EngineRestPaging());
    registration.setName("engine-rest-paging");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(THROTTLE_ORDER + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(ApiKeys apiKeys) {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
        new ProcessEngineAuthenticationFilter() {
          @Override
          public void init(FilterConfig filterConfig) throws ServletException {
            super.init(filterConfig);
            authenticationProvider = new ApiKeyOrBasicAuthentication(apiKeys);
          }
        });
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** An API key where the caller sends one, HTTP Basic otherwise. */
  static final class ApiKeyOrBasicAuthentication extends HttpBasicAuthenticationProvider {

    private final ApiKeys apiKeys;

    ApiKeyOrBasicAuthentication(ApiKeys apiKeys) {
      this.apiKeys = apiKeys;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String key = ApiKeyHeader.of(request);
      if (key == null) {
        return super.extractAuthenticatedUser(request, engine);
      }
      return apiKeys.clientOf(key).map(AuthenticationResult::successful).orElseGet(AuthenticationResult::unsuccessful);
    }
  }
}
