package fr.manche.tna.membership;

import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every member process ({@code <camunda:executionListener event="start"
 * delegateExpression="${memberInstanceAccess}"/>} on the process): the organisation of the person who starts
 * it, and only that organisation, may read this instance, its variables and its history. Sets the variables
 * {@link CommonVariables#ORGANISATION_ID} and {@link CommonVariables#MEMBER_GROUP_ID} (candidate group of the member's own tasks, which
 * the engine then authorizes for that group only, with TASK_WORK: work on it, not reassign it).
 */
@Component("memberInstanceAccess")
public class MemberInstanceAccess implements ExecutionListener {

  private final AccountService accounts;
  private final OrganisationRepository organisations;

  MemberInstanceAccess(AccountService accounts, OrganisationRepository organisations) {
    this.accounts = accounts;
    this.organisations = organisations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String userId = Actor.of(execution);
    Person person = userId == null ? null : accounts.personOfUser(userId).orElse(null);
    if (person == null || !person.active()) {
      throw new InvalidInputException("Seules les personnes d'une structure membre peuvent faire cette demande.");
    }
    String groupId = organisations.findById(person.organisationId()).orElseThrow().memberGroupId();
    CommonVariables.ORGANISATION_ID.set(execution, person.organisationId());
    CommonVariables.MEMBER_GROUP_ID.set(execution, groupId);
    InstanceGrants.letGroupRead(execution, groupId);
  }
}
