package fr.manche.tna.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the application's staff pages ({@code /organisations}, {@code /conventions}, {@code /audit}, the
 * demo's {@code /courriels}):
 * only staff logged in through Tasklist get in; the others get a French page saying why. Also checks the
 * form token of every POST on those pages (CSRF), stored in the session.
 */
public class StaffPagesFilter extends OncePerRequestFilter {

  public static final String CSRF_ATTRIBUTE = "tnaCsrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty() || !user.get().isStaff()) {
      response.setStatus(user.isEmpty() ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/html;charset=UTF-8");
      response.getOutputStream().write(refusal(user.isEmpty()).getBytes(StandardCharsets.UTF_8));
      return;
    }
    String token = (String) request.getSession().getAttribute(CSRF_ATTRIBUTE);
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

  private static String refusal(boolean notLoggedIn) {
    String message =
        notLoggedIn
            ? "Connectez-vous d'abord dans la <a href=\"/camunda/app/tasklist/default/\">liste des tâches</a>, puis rouvrez cette page."
            : "Cette page est réservée aux agents du Département.";
    return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>Accès refusé</title></head>"
        + "<body style=\"font-family: Arial, sans-serif; margin: 2em\"><h1>Accès refusé</h1><p>" + message
        + "</p></body></html>";
  }
}
