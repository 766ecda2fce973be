package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of the menu ({@code /accueil}): the pages the person may open. */
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
}
