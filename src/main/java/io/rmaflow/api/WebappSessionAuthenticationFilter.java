package io.rmaflow.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to the Camunda webapps read the API with that login, so that the
 * Cockpit insight page can call {@code /api} from the browser without a second password.
 *
 * <p>Only safe methods (GET, HEAD) are authenticated this way. The session cookie goes along
 * with any request the browser makes, also one a foreign site triggers; a read cannot change
 * a case, and the browser does not let a foreign site read the answer. Everything that
 * changes a case still needs HTTP Basic, which a foreign site cannot send on the user's
 * behalf, so the API needs no CSRF token.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  private final IdentityService identityService;
  private final String engineName;

  WebappSessionAuthenticationFilter(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && SAFE_METHODS.contains(request.getMethod())
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      String userId = webappUser(session);
      // A user deleted in Admin keeps a session until it ends; they are nobody to the API.
      if (userId != null && identityService.createUserQuery().userId(userId).count() > 0) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(userId, null, ApiRoles.of(identityService, userId)));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  private String webappUser(HttpSession session) {
    try {
      Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(engineName);
      return authentication == null ? null : authentication.getIdentityId();
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }
}
