package fr.manche.tna.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Cockpit API ({@code /camunda/api/cockpit/...}) answers only those who may open Cockpit. Camunda asks only
 * for a login there, and its plugins count instances over every organisation (the figures of Cockpit's
 * dashboard). The plugins' static files, loaded before the login, stay public.
 */
class CockpitApiFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().contains("/static/") || CurrentUser.mayOpen(request, "cockpit")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(
        "{\"type\":\"AuthorizationException\",\"message\":\"Cockpit est réservé aux agents du Département.\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
