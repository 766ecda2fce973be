package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The home page of the menu ({@code /accueil}, linked from Tasklist's header) and the login page
 * ({@code /connexion?retour=…}). The login page posts to the webapps' own login (static/js/session.js): one login
 * serves Tasklist and these pages; then it opens the page asked for, if it is a page of this site
 * ({@link ReturnPath}).
 */
@Controller
class HomeController {

  @GetMapping("/accueil")
  String home(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (CurrentUser.of(request).isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return null;
    }
    return "accueil";
  }

  @GetMapping(ReturnPath.LOGIN)
  String login(@RequestParam(name = "retour", required = false) String returnTo, Model model) {
    model.addAttribute("retour", ReturnPath.safe(returnTo));
    return "connexion";
  }

  /**
   * The webapps' CSRF token of this session, for the login and logout buttons of these pages: the webapps hand it
   * over in a header only when they create it, and their cookie is scoped to {@code /camunda}, out of these pages'
   * reach. Read by this site's scripts only (no CORS: another site's page cannot read the answer), never cached.
   */
  @GetMapping(value = ReturnPath.LOGIN + "/jeton", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, String>> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(token == null ? Map.of() : Map.of("jeton", token.toString()));
  }
}
