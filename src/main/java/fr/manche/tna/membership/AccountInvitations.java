package fr.manche.tna.membership;

import fr.manche.tna.membership.process.AccountInvitationProcess;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a person of a member organisation an account and invites them to choose its password (process {@code
 * AccountInvitation}): the one way in for the organisation's contact at admission, its signatory at a
 * signature, and the people staff add on the organisations' page.
 */
@Component
public class AccountInvitations {

  private final RuntimeService runtimeService;
  private final AccountService accounts;

  AccountInvitations(RuntimeService runtimeService, AccountService accounts) {
    this.runtimeService = runtimeService;
    this.accounts = accounts;
  }

  /** Mails the invitation of a person just added. */
  public void invite(Person person) {
    runtimeService.startProcessInstanceByKey(
        AccountInvitationProcess.KEY,
        "personne-" + person.id(),
        Map.ofEntries(AccountInvitationProcess.PERSON_ID.entry(person.id())));
  }

  /**
   * The organisation's active person with this e-mail, or a new one ({@code fullName} split by {@link
   * Admission#splitName}) with the given role, invited to choose a password.
   *
   * @param actor login of whoever acts, for the audit log
   * @throws fr.manche.tna.platform.InvalidInputException in French when the e-mail belongs to another organisation
   */
  @Transactional
  public Person personWithAccount(long organisationId, String fullName, String email, PersonRole role, String actor) {
    Optional<Person> known = accounts.peopleOf(organisationId).stream()
        .filter(person -> person.email().equalsIgnoreCase(email) && person.active())
        .findFirst();
    if (known.isPresent()) {
      return known.get();
    }
    String[] names = Admission.splitName(fullName);
    Person created = accounts.addPerson(organisationId, names[0], names[1], email, role.name(), actor);
    invite(created);
    return created;
  }
}
