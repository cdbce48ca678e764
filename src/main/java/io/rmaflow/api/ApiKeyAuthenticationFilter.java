package io.rmaflow.api;

import io.rmaflow.security.ApiKeyHeader;
import io.rmaflow.security.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** A machine client's API key ({@code Authorization: Bearer rma_...}) stands for its client's login. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private final ApiKeys apiKeys;
  private final IdentityService identityService;
  private final AuthenticationEntryPoint entryPoint;

  ApiKeyAuthenticationFilter(ApiKeys apiKeys, IdentityService identityService, AuthenticationEntryPoint entryPoint) {
    this.apiKeys = apiKeys;
    this.identityService = identityService;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = ApiKeyHeader.of(request);
    if (key != null) {
      Optional<String> client = apiKeys.clientOf(key);
      if (client.isEmpty()) {
        SecurityContextHolder.clearContext();
        entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
        return;
      }
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
          ApiRoles.of(identityService, client.get())));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
