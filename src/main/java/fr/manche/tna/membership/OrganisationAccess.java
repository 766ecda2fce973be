package fr.manche.tna.membership;

import fr.manche.tna.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Whether a person may act on a record of an organisation, checked by the service that acts, whatever the
 * process variables say (they name the record; they do not prove who owns it). The département's staff act
 * for every organisation (their accounts are not people of a member organisation); a member's person acts
 * for their own organisation only, while active; the application itself (no user: jobs, timers) acts for all.
 */
@Component
public class OrganisationAccess {

  private final AccountService accounts;

  OrganisationAccess(AccountService accounts) {
    this.accounts = accounts;
  }

  /** @throws InvalidInputException in French when the user is a person of another organisation, or inactive */
  public void check(String userId, long organisationId) {
    if (userId == null) {
      return;
    }
    accounts.personOfUser(userId).ifPresent(person -> {
      if (!person.active() || person.organisationId() != organisationId) {
        throw new InvalidInputException("Cette demande ne concerne pas votre organisation : rien n'a été enregistré.");
      }
    });
  }
}
