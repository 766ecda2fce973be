package fr.manche.tna.membership;

import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.Secrets;
import fr.manche.tna.platform.security.StaffPagesFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one way a members' page knows whose page it is: the logged-in person and their organisation, never a number a
 * form sends; and the session's form token (CSRF) its forms carry, the same the staff pages use.
 */
@Component
public class MemberPages {

  /** The logged-in member and the organisation they act for. */
  public record Member(CurrentUser user, long organisationId) {
    public String userId() {
      return user.userId();
    }
  }

  private final AccountService accounts;

  MemberPages(AccountService accounts) {
    this.accounts = accounts;
  }

  /**
   * The logged-in member; empty for staff (the page sends them to their own), or when the answer is already given:
   * 401 without a login, 403 for a person without an active account of an organisation.
   */
  public Optional<Member> member(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return Optional.empty();
    }
    if (user.get().isStaff()) {
      return Optional.empty();
    }
    Optional<Person> person = accounts.personOfUser(user.get().userId()).filter(Person::active);
    if (person.isEmpty()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return Optional.empty();
    }
    return Optional.of(new Member(user.get(), person.get().organisationId()));
  }

  /** The member posting a form of the page, with their session's form token; anyone else gets 403. */
  public Optional<Member> postingMember(HttpServletRequest request, HttpServletResponse response, String csrf)
      throws IOException {
    Optional<Member> member = member(request, response);
    if (member.isEmpty()) {
      if (!response.isCommitted()) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
      return Optional.empty();
    }
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(StaffPagesFilter.CSRF_ATTRIBUTE);
    if (token == null || !token.equals(csrf)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Formulaire expiré : rechargez la page.");
      return Optional.empty();
    }
    return member;
  }

  /** The session's form token, created once. */
  public static String token(HttpSession session) {
    Object token = session.getAttribute(StaffPagesFilter.CSRF_ATTRIBUTE);
    if (token == null) {
      token = Secrets.random();
      session.setAttribute(StaffPagesFilter.CSRF_ATTRIBUTE, token);
    }
    return token.toString();
  }
}
