package fr.manche.tna.membership;

import fr.manche.tna.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission of an organisation into the network (the convention process calls it once the convention is
 * signed): the organisation becomes a member, and its referent contact gets an account and an invitation
 * to choose a password. Admitting an organisation twice changes nothing.
 */
@Service
public class Admission {

  public static final String MEMBER = "MEMBER";

  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final AccountInvitations invitations;
  private final AuditLog audit;

  Admission(OrganisationRepository organisations, AccountService accounts, AccountInvitations invitations, AuditLog audit) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.invitations = invitations;
    this.audit = audit;
  }

  /** @param actor login of whoever admits (the last signatory), or null for the application */
  @Transactional
  public void admit(long organisationId, String actor) {
    Organisation organisation = organisations.findById(organisationId).orElseThrow();
    organisations.setStatus(organisationId, MEMBER);
    boolean contactHasAccount =
        accounts.peopleOf(organisationId).stream().anyMatch(person -> person.email().equalsIgnoreCase(organisation.contactEmail()));
    if (!contactHasAccount) {
      String[] names = splitName(organisation.contactName());
      Person referent =
          accounts.addPerson(organisationId, names[0], names[1], organisation.contactEmail(), PersonRole.REFERENT.name(), actor);
      invitations.invite(referent);
    }
    audit.record(actor, "Organisation admise dans le réseau", organisation.name(), organisationId, null);
  }

  /** "Marie Lefèvre" gives first name "Marie" and last name "Lefèvre"; a single word is the last name. */
  public static String[] splitName(String fullName) {
    String trimmed = fullName.trim();
    int space = trimmed.indexOf(' ');
    return space < 0 ? new String[] {"-", trimmed} : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1)};
  }
}
