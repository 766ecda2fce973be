package fr.manche.tna.requests;

import fr.manche.tna.requests.MemberRequests;
import fr.manche.tna.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member's page {@code /mes-demandes}: the requests and files of their organisation and where each
 * stands, linked from the mail that acknowledges every request. Staff follow the processes in Cockpit and on
 * their own pages.
 */
@Controller
class MemberRequestsController {

  static final String PATH = "/mes-demandes";

  private final MemberRequests requests;

  MemberRequestsController(MemberRequests requests) {
    this.requests = requests;
  }

  @GetMapping(PATH)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return null;
    }
    if (user.get().isStaff()) {
      return "redirect:/conventions";
    }
    model.addAttribute("requests", requests.visibleTo(user.get().userId()));
    return "member/mes-demandes";
  }
}
