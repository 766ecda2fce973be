package fr.manche.tna.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the application's staff pages, those of {@link fr.manche.tna.platform.web.Page} for staff
 * ({@code /organisations}, {@code /conventions}, {@code /audit}, the demo's {@code /courriels}) and what lies below
 * them: only staff logged in (through Tasklist or the application's login page) get in; the others get the French
 * error page: 401 offers the login and comes back to the page, 403 says the account does not give access. Also
 * checks the form token of every POST on those pages (CSRF), stored in the session.
 */
public class StaffPagesFilter extends OncePerRequestFilter {

  public static final String CSRF_ATTRIBUTE = "tnaCsrf";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty() || !user.get().isStaff()) {
      // The French error page (templates/pages/error.html) says why; for 401 it holds the login form.
      response.sendError(user.isEmpty() ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String token = (String) request.getSession().getAttribute(CSRF_ATTRIBUTE);
    if (token == null) {
      token = Secrets.random();
      request.getSession().setAttribute(CSRF_ATTRIBUTE, token);
    }
    if ("POST".equals(request.getMethod()) && !token.equals(request.getParameter("_csrf"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Formulaire expiré : rechargez la page.");
      return;
    }
    request.setAttribute(CSRF_ATTRIBUTE, token);
    request.setAttribute("currentUser", user.get());
    chain.doFilter(request, response);
  }
}
