package fr.manche.tna.membership.process;

import fr.manche.tna.membership.Person;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the invitation of a person who just received an account. */
@Component
public class AccountInvitations {

  private final RuntimeService runtimeService;

  AccountInvitations(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public void invite(Person person) {
    runtimeService.startProcessInstanceByKey(
        AccountInvitationProcess.KEY,
        "personne-" + person.id(),
        Map.ofEntries(AccountInvitationProcess.PERSON_ID.entry(person.id())));
  }
}
