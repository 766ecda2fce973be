package fr.manche.tna.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.membership.process.AccountInvitationProcess;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.TestSirets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admission makes the organisation a member and gives its referent an account, once. */
@ApplicationTest
class AdmissionTest {

  @Autowired Admission admission;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;

  @Test
  void anAdmittedOrganisationsReferentGetsAnAccountAndAnInvitationOnce() {
    long id =
        organisations.insert(
            new Organisation(null, "EPCI Granville Terre et Mer", LegalForm.EPCI, TestSirets.next(), "Granville",
                null, "Paul Lemaître", "paul.lemaitre" + System.nanoTime() + "@gtm.example.fr", null),
            OffsetDateTime.now());

    admission.admit(id, "signataire");
    admission.admit(id, "signataire");

    assertThat(organisations.statusOf(id)).isEqualTo(Admission.MEMBER);
    List<Person> people = accounts.peopleOf(id);
    assertThat(people).hasSize(1);
    Person referent = people.get(0);
    assertThat(referent.role()).isEqualTo(PersonRole.REFERENT);
    assertThat(referent.firstName()).isEqualTo("Paul");
    assertThat(identityService.createGroupQuery().groupMember(referent.userId()).list())
        .extracting(Group::getId)
        .containsExactlyInAnyOrder("membre-" + id, AccountService.ALL_MEMBERS_GROUP);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AccountInvitationProcess.KEY)
            .processInstanceBusinessKey("personne-" + referent.id()).count())
        .isEqualTo(1);
  }

  @Test
  void r14AnInsuranceCertificateHasCoherentDates() {
    Insurance insurance = Insurance.fromSubmitted("MAIF", "123-456", "2026-01-01", "2026-12-31");
    assertThat(insurance.covers(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(insurance.covers(LocalDate.of(2027, 1, 1))).isFalse();
    assertThatThrownBy(() -> Insurance.fromSubmitted("MAIF", "123-456", "2026-12-31", "2026-01-01"))
        .hasMessage("La fin de validité de l'assurance ne peut pas précéder son début.");
    assertThatThrownBy(() -> Insurance.fromSubmitted(" ", "123-456", "2026-01-01", "2026-12-31"))
        .hasMessage("Le champ « Assureur » est obligatoire.");
  }
}
