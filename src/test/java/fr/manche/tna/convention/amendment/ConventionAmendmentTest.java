package fr.manche.tna.convention.amendment;

import static fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.signature.Party;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Amendments to a convention (article 9): R04 either party asks, both sign; R05 a request must arrive at
 * least three months before the end; R06 it takes effect on the first day of the month after the last
 * signature unless it names a later date. The clock is moved, never waited for.
 */
@ApplicationTest
class ConventionAmendmentTest {

  private static final String REFERENT = ConventionFixtures.REFERENT;

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired AmendmentService amendments;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void r05ARequestReceivedExactlyThreeMonthsBeforeTheEndIsReviewedOneDayLaterItIsRefusedWithTheRenewalSuggested() {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Lessay", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11));
    assertThat(signed.convention().lastDay()).isEqualTo(LocalDate.of(2029, 3, 10));
    String siret = organisationOf(signed).siret();
    TestMailServer.reset();

    // 10 December 2028 at 23:30 in Paris, the last day a request may arrive: the staff's request is reviewed.
    ConventionFixtures.at(LocalDate.of(2028, 12, 10), LocalTime.of(23, 30));
    ProcessInstance inTime = request(REFERENT, siret, "Nouveau lieu d'ateliers", "L'article 3 mentionne aussi la médiathèque.", "");
    driver.runJobs(inTime.getId());
    assertThat(driver.openTask(inTime.getId(), REVIEW_TASK)).isNotNull();
    Amendment reviewed = amendmentOf(inTime);
    assertThat(reviewed.status()).isEqualTo(AmendmentStatus.EN_EXAMEN);
    assertThat(reviewed.requestedByParty()).isEqualTo(Party.DEPARTEMENT);
    assertThat(reviewed.receivedOn()).isEqualTo(LocalDate.of(2028, 12, 10));
    MimeMessage toReferent = Mails.to(ConventionFixtures.REFERENT_EMAIL).get(0);
    assertThat(Mails.subject(toReferent)).isEqualTo("Demande d'avenant à examiner : Commune de Lessay");
    assertThat(Mails.part(toReferent, "text/plain")).contains("« Nouveau lieu d'ateliers »").contains("de la part du Département");

    // Half an hour past midnight in Paris (still 10 December in UTC): one day late, the member's request is refused.
    ConventionFixtures.at(LocalDate.of(2028, 12, 11), LocalTime.of(0, 30));
    ProcessInstance late = request(signed.memberSignatoryUserId(), "", "Horaires d'ouverture", "Ouverture le samedi matin.", "");
    Amendment refused = amendmentOf(late);
    assertThat(refused.status()).isEqualTo(AmendmentStatus.REFUSEE_HORS_DELAI);
    assertThat(refused.requestedByParty()).isEqualTo(Party.MEMBRE);
    assertThat(refused.receivedOn()).isEqualTo(LocalDate.of(2028, 12, 11));
    assertThat(refused.number()).isNull();
    driver.runJobs(late.getId());
    assertThat(driver.openTask(late.getId(), REVIEW_TASK)).isNull();
    assertThat(endOf(late)).isEqualTo(ConventionAmendmentProcess.END_LATE);

    for (String address : List.of(signed.contactEmail(), signed.memberSignatoryEmail(), ConventionFixtures.REFERENT_EMAIL)) {
      assertThat(Mails.to(address)).as(address).anyMatch(mail -> Mails.subject(mail).equals("Demande d'avenant hors délai : « Horaires d'ouverture »"));
    }
    MimeMessage toMember = Mails.to(signed.contactEmail()).get(0);
    assertThat(Mails.part(toMember, "text/plain"))
        .contains("reçue le 11 décembre 2028 de la part de l'organisation, ne peut pas être examinée")
        .contains("la convention s'achève le 10 mars 2029, la demande devait arriver au plus tard le 10 décembre 2028")
        // Members cannot start a renewal: the mail says who proposes it and whom to write to (R03).
        .contains("Le renouvellement ne se demande pas par un formulaire : c'est le référent du réseau du Département qui le propose")
        .contains("Pour en parler, écrivez à votre référent du réseau : fixture.referent (test) (" + ConventionFixtures.REFERENT_EMAIL + ").")
        .doesNotContain("demander le renouvellement");
    assertThat(amendments.ofConvention(signed.id()))
        .extracting(AmendmentSummary::statusLabel)
        .containsExactly("en cours d'examen", "refusée : demande reçue hors délai");
  }

  @Test
  void r05AtAMonthEndTheDeadlineIsTheLastDayOfTheShorterMonth() {
    // In force from 31 May 2026 through 30 May 2029: three months before is 28 February 2029.
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Gavray", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 29), LocalDate.of(2026, 5, 31));
    assertThat(signed.convention().lastDay()).isEqualTo(LocalDate.of(2029, 5, 30));
    assertThat(ConventionTerms.amendmentRequestDeadline(signed.convention().lastDay())).isEqualTo(LocalDate.of(2029, 2, 28));

    ConventionFixtures.at(LocalDate.of(2029, 2, 28));
    assertThat(amendmentOf(request(signed.memberSignatoryUserId(), "", "Animateur", "Un second animateur.", "")).status())
        .isEqualTo(AmendmentStatus.EN_EXAMEN);
    ConventionFixtures.at(LocalDate.of(2029, 3, 1));
    assertThat(amendmentOf(request(signed.memberSignatoryUserId(), "", "Animateur", "Un troisième animateur.", "")).status())
        .isEqualTo(AmendmentStatus.REFUSEE_HORS_DELAI);
  }

  @Test
  void r06AnAmendmentTakesEffectOnTheFirstDayOfTheMonthAfterItsLastSignatureUnlessItNamesALaterDate() {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Canisy", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    String siret = organisationOf(signed).siret();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
    ProcessInstance signedOn31January = request(REFERENT, siret, "Premier avenant", "Article 3 : horaires élargis.", "");
    ProcessInstance signedOn1February = request(REFERENT, siret, "Deuxième avenant", "Article 4 : matériel complémentaire.", "");
    ProcessInstance namedDate = request(REFERENT, siret, "Troisième avenant", "Article 6 : communication commune.", "01/05/2027");
    ProcessInstance namedDateTooEarly = request(REFERENT, siret, "Quatrième avenant", "Article 7 : comité.", "01/04/2027");

    ConventionFixtures.at(LocalDate.of(2027, 1, 12));
    accept(signedOn31January, "");
    accept(signedOn1February, "");
    // The referent corrects the named date.
    accept(namedDate, "15/06/2027");
    accept(namedDateTooEarly, "01/04/2027");

    fixtures.signBoth(signedOn31January, LocalDate.of(2027, 1, 30), LocalDate.of(2027, 1, 31));
    fixtures.signBoth(signedOn1February, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1));
    fixtures.signBoth(namedDate, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1));
    // Signed after the date it names: the first day of the next month applies.
    fixtures.signBoth(namedDateTooEarly, LocalDate.of(2027, 4, 15), LocalDate.of(2027, 4, 14));

    assertThat(amendmentOf(signedOn31January).effectiveDate()).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(amendmentOf(signedOn1February).effectiveDate()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(amendmentOf(namedDate).effectiveDate()).isEqualTo(LocalDate.of(2027, 6, 15));
    assertThat(amendmentOf(namedDateTooEarly).effectiveDate()).isEqualTo(LocalDate.of(2027, 5, 1));
    assertThat(endOf(namedDate)).isEqualTo(ConventionAmendmentProcess.END_SIGNED);

    List<AmendmentSummary> listed = amendments.ofConvention(signed.id());
    assertThat(listed).extracting(AmendmentSummary::numberLabel)
        .containsExactly("Avenant n° 1", "Avenant n° 2", "Avenant n° 3", "Avenant n° 4");
    assertThat(listed).extracting(AmendmentSummary::effectiveDateLabel)
        .containsExactly("1er février 2027", "1er mars 2027", "15 juin 2027", "1er mai 2027");
    assertThat(listed).extracting(AmendmentSummary::statusLabel).containsOnly("signé");
    assertThat(listed.get(2).object()).isEqualTo("Troisième avenant");
    assertThat(listed.get(2).receivedOnLabel()).isEqualTo("11 janvier 2027");

    MimeMessage third = Mails.to(signed.memberSignatoryEmail()).stream()
        .filter(mail -> Mails.subject(mail).equals("Avenant n° 3 signé : Commune de Canisy")).findFirst().orElseThrow();
    assertThat(Mails.part(third, "text/plain")).contains("Il prend effet le 15 juin 2027, date qu'il fixe");
    assertThat(Mails.pdfText(third)).contains("Le présent avenant prend effet le 15 juin 2027, date qu'il fixe.");
  }

  @Test
  void anAmendmentTheDepartmentRefusesToSignIsNotSignedAndKeepsNoEffect() {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Gavray", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
    ProcessInstance request = request(signed.memberSignatoryUserId(), "", "Horaires", "Ouverture le dimanche.", "");
    accept(request, "");
    fixtures.refuseToSign(request, false, LocalDate.of(2027, 1, 20), "Le budget ne permet pas l'ouverture le dimanche.");

    Amendment amendment = amendmentOf(request);
    assertThat(amendment.status()).isEqualTo(AmendmentStatus.NON_SIGNE);
    assertThat(amendment.effectiveDate()).isNull();
    assertThat(endOf(request)).isEqualTo("EndEvent_AmendmentNotSigned");
    assertThat(Mails.to(signed.memberSignatoryEmail()))
        .anyMatch(mail -> Mails.subject(mail).startsWith("Signature refusée : Avenant n° 1")
            && Mails.part(mail, "text/plain").contains("Motif : Le budget ne permet pas l'ouverture le dimanche."));
  }

  @Test
  void aMemberRequestGoesThroughReviewAndSignaturesAndTheSignedAmendmentArrivesByMail() {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Marigny", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 8));
    Organisation organisation = organisationOf(signed);
    TestMailServer.reset();

    // The member's SIRET field is not trusted: the request is for their own organisation.
    ConventionFixtures.at(LocalDate.of(2026, 10, 5));
    ProcessInstance first = request(signed.memberSignatoryUserId(), TestSirets.next(), "Nouveau lieu d'accueil",
        "Article 3 : les ateliers ont lieu aussi à la médiathèque de Marigny.", "");
    assertThat(runtimeService.getVariable(first.getId(), "siret")).isEqualTo(organisation.siret());
    assertThat(amendmentOf(first).requestedByParty()).isEqualTo(Party.MEMBRE);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).singleResult().getBusinessKey())
        .isEqualTo("avenant-" + amendmentOf(first).id());

    // A refusal needs its reason: nothing is recorded without it.
    driver.runJobs(first.getId());
    assertThatThrownBy(() -> driver.claimAndSubmit(driver.openTask(first.getId(), REVIEW_TASK), REFERENT,
            Map.of("decision", "refuser", "decisionReason", "")))
        .hasMessageContaining("Indiquez le motif du refus");
    assertThat(amendmentOf(first).status()).isEqualTo(AmendmentStatus.EN_EXAMEN);
    ConventionFixtures.at(LocalDate.of(2026, 10, 6));
    accept(first, "");
    assertThat(amendmentOf(first).number()).isEqualTo(1);
    assertThat(amendmentOf(first).status()).isEqualTo(AmendmentStatus.ACCEPTEE);
    // The convention's signatory receives the amendment to sign.
    assertThat(Mails.to(signed.memberSignatoryEmail()))
        .anyMatch(mail -> Mails.subject(mail).equals("À signer : Avenant n° 1 à la convention de coopération de Commune de Marigny"));
    fixtures.signBoth(first, LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 14));

    Amendment applied = amendmentOf(first);
    assertThat(applied.status()).isEqualTo(AmendmentStatus.SIGNE);
    assertThat(applied.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(amendments.document(applied.id()).orElseThrow().fileName())
        .isEqualTo("convention-" + signed.id() + "-avenant-1-signee.pdf");
    for (String address : List.of(signed.contactEmail(), signed.memberSignatoryEmail(), ConventionFixtures.SIGNATORY_EMAIL,
        ConventionFixtures.REFERENT_EMAIL)) {
      assertThat(Mails.to(address)).as(address).anyMatch(mail -> Mails.subject(mail).equals("Avenant n° 1 signé : Commune de Marigny"));
    }
    MimeMessage signedMail = Mails.to(signed.contactEmail()).stream()
        .filter(mail -> Mails.subject(mail).equals("Avenant n° 1 signé : Commune de Marigny")).findFirst().orElseThrow();
    assertThat(Mails.attachmentNames(signedMail)).containsExactly("convention-" + signed.id() + "-avenant-1-signee.pdf");
    assertThat(Mails.part(signedMail, "text/plain"))
        .contains("Il prend effet le 1er novembre 2026, premier jour du mois qui suit sa dernière signature (article 9)");
    assertThat(Mails.pdfText(signedMail))
        .contains("Avenant n° 1 à la convention de coopération")
        .contains("Commune de Marigny")
        .contains("convention de coopération n° " + signed.id() + " conclue entre les parties, en vigueur du 8 avril 2026 au 7 avril 2029 inclus")
        .contains("Demande reçue par le Département le 5 octobre 2026 (à la demande de l'organisation)")
        .contains("Article 1 : Objet Nouveau lieu d'accueil")
        .contains("les ateliers ont lieu aussi à la médiathèque de Marigny")
        .contains("Le présent avenant prend effet le 1er novembre 2026, premier jour du mois qui suit sa dernière signature (article 9).")
        .contains("Signature pour l'organisation : Jean Dupuis, maire, le 12 octobre 2026")
        .contains("Signature pour le Département : Anne Duval, vice-présidente du Conseil départemental, le 14 octobre 2026");

    // A refused request gets no number; the next accepted one is number 2.
    ConventionFixtures.at(LocalDate.of(2026, 11, 2));
    ProcessInstance refusedRequest = request(contactUserId(signed), "", "Prêt prolongé", "Article 4 : prêts de 60 jours.", "");
    driver.runJobs(refusedRequest.getId());
    driver.claimAndSubmit(driver.openTask(refusedRequest.getId(), REVIEW_TASK), REFERENT,
        Map.of("decision", "refuser", "decisionReason", "La durée de prêt de 30 jours vaut pour tout le réseau (article 4)."));
    driver.runJobs(refusedRequest.getId());
    assertThat(endOf(refusedRequest)).isEqualTo(ConventionAmendmentProcess.END_REFUSED);
    MimeMessage refusal = Mails.to(signed.contactEmail()).stream()
        .filter(mail -> Mails.subject(mail).equals("Demande d'avenant refusée : « Prêt prolongé »")).findFirst().orElseThrow();
    assertThat(Mails.part(refusal, "text/plain"))
        .contains("Motif : La durée de prêt de 30 jours vaut pour tout le réseau (article 4).")
        .contains("La convention reste en vigueur sans changement jusqu'au 7 avril 2029");
    ProcessInstance second = request(signed.memberSignatoryUserId(), "", "Atelier parentalité", "Article 3 : un atelier pour les parents.", "");
    accept(second, "");
    assertThat(amendments.ofConvention(signed.id()))
        .extracting(AmendmentSummary::numberLabel, AmendmentSummary::statusLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Avenant n° 1", "signé"),
            org.assertj.core.groups.Tuple.tuple("Avenant n° 2", "acceptée, en cours de signature"),
            org.assertj.core.groups.Tuple.tuple("Demande d'avenant", "refusée"));
  }

  @Test
  void anotherMemberCannotSeeTheRequestAndBadRequestsChangeNothing() {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Cérences", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 3));
    String siret = organisationOf(signed).siret();
    ConventionFixtures.at(LocalDate.of(2026, 9, 1));
    ProcessInstance instance = request(signed.memberSignatoryUserId(), "", "Nouveau lieu", "Article 3 : second lieu.", "");
    Person outsider = outsider();

    assertThat(visibleTo(contactUserId(signed), instance)).isEqualTo(1);
    assertThat(visibleTo(outsider.userId(), instance)).isZero();

    long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ConventionAmendmentProcess.KEY).count();
    int amendmentsBefore = amendments.ofConvention(signed.id()).size();
    assertThatThrownBy(() -> request(REFERENT, "", "Objet", "Contenu", ""))
        .hasMessageContaining("Indiquez le numéro SIRET de l'organisation concernée");
    assertThatThrownBy(() -> request(REFERENT, TestSirets.next(), "Objet", "Contenu", ""))
        .hasMessageContaining("Aucune organisation du réseau n'a le numéro SIRET");
    assertThatThrownBy(() -> request(REFERENT, siret, " ", "Contenu", ""))
        .hasMessageContaining("Le champ « Objet de l'avenant » est obligatoire.");
    assertThatThrownBy(() -> request(REFERENT, siret, "Objet", "x".repeat(4001), ""))
        .hasMessageContaining("Le champ « Contenu de l'avenant » ne doit pas dépasser 4000 caractères");
    assertThatThrownBy(() -> request(signed.memberSignatoryUserId(), "", "Objet", "Contenu", "31/02/2027"))
        .hasMessageContaining("doit contenir une date qui existe");
    assertThatThrownBy(() -> request(signed.memberSignatoryUserId(), "", "Objet", "Contenu", "01/10/2026"))
        .hasMessageContaining("La date d'effet souhaitée (1er octobre 2026) doit être postérieure au 1er octobre 2026");
    assertThatThrownBy(() -> request(signed.memberSignatoryUserId(), "", "Objet", "Contenu", "01/07/2029"))
        .hasMessageContaining("La convention s'achève le 2 juin 2029 : un avenant ne peut pas prendre effet après cette date");
    // The outsider's organisation has no convention; naming another one's SIRET changes nothing.
    assertThatThrownBy(() -> request(outsider.userId(), siret, "Objet", "Contenu", ""))
        .hasMessageContaining("Commune de Sourdeval n'a pas de convention de coopération en vigueur aujourd'hui (1er septembre 2026)");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ConventionAmendmentProcess.KEY).count())
        .isEqualTo(instancesBefore);
    assertThat(amendments.ofConvention(signed.id())).hasSize(amendmentsBefore);
  }

  // --- helpers

  /** Submits the start form as that user (with their groups, so that authorizations apply). */
  private ProcessInstance request(String userId, String siret, String object, String content, String namedEffectiveDate) {
    Map<String, String> values = new HashMap<>();
    values.put("amendmentObject", object);
    values.put("amendmentContent", content);
    values.put("namedEffectiveDate", namedEffectiveDate);
    values.put("siret", siret);
    fixtures.asUser(userId);
    try {
      return driver.submitStartForm(ConventionAmendmentProcess.KEY, values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The referent accepts, confirming or correcting the named date; the signature then starts. */
  private void accept(ProcessInstance instance, String namedEffectiveDate) {
    driver.runJobs(instance.getId());
    driver.claimAndSubmit(driver.openTask(instance.getId(), REVIEW_TASK), REFERENT,
        Map.of("decision", "accepter", "decisionReason", "", "namedEffectiveDate", namedEffectiveDate));
    fixtures.runAll(instance);
  }

  private Amendment amendmentOf(ProcessInstance instance) {
    return amendments.find(ConventionAmendmentProcess.AMENDMENT_ID.getOptional(historyService, instance.getId()).orElseThrow());
  }

  private String endOf(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getEndActivityId();
  }

  private Organisation organisationOf(ConventionFixtures.Signed signed) {
    return organisations.findById(signed.convention().organisationId()).orElseThrow();
  }

  /** The login of the organisation's referent contact (created when the convention was signed). */
  private String contactUserId(ConventionFixtures.Signed signed) {
    return accounts.peopleOf(signed.convention().organisationId()).stream()
        .filter(person -> person.email().equalsIgnoreCase(signed.contactEmail())).findFirst().orElseThrow().userId();
  }

  private long visibleTo(String userId, ProcessInstance instance) {
    fixtures.asUser(userId);
    try {
      return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A person of another organisation, which has no convention. */
  private Person outsider() {
    long organisationId = organisations.insert(
        new Organisation(null, "Commune de Sourdeval", LegalForm.COLLECTIVITE_TERRITORIALE, TestSirets.next(),
            "Mairie, 50150 Sourdeval", null, "Paul Marie", "paul.marie@sourdeval.example.fr", null),
        OffsetDateTime.now());
    return accounts.addPerson(organisationId, "Paul", "Marie", "paul" + System.nanoTime() + "@sourdeval.example.fr", "REFERENT", "test");
  }
}
