package fr.manche.tna.convention.renewal.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.renewal.Renewal;
import fr.manche.tna.convention.renewal.RenewalService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The mails of a renewal (R03): the proposal to the member, its outcome to the network referents. */
@Component
class RenewalMails {

  static final String SUBJECT = "Renouvellement de la convention de coopération";

  private final RenewalService renewals;
  private final ConventionLifecycle lifecycle;
  private final AccountService accounts;
  private final Directory directory;
  private final TasklistLinks links;

  RenewalMails(RenewalService renewals, ConventionLifecycle lifecycle, AccountService accounts, Directory directory, TasklistLinks links) {
    this.renewals = renewals;
    this.lifecycle = lifecycle;
    this.accounts = accounts;
    this.directory = directory;
    this.links = links;
  }

  /** To the member's contact and signatory: the proposal, with a link to their answer task. */
  Notification proposed(long renewalId) {
    Renewal renewal = renewals.renewal(renewalId);
    Convention current = lifecycle.convention(renewal.conventionId());
    Organisation organisation = lifecycle.organisationOf(current);
    String lastDay = ParisTime.formatDate(current.lastDay());
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Le Département de la Manche propose à " + organisation.name()
        + " de renouveler sa convention de coopération, en vigueur jusqu'au " + lastDay
        + " inclus (article 5 : la convention peut être renouvelée, le renouvellement se prépare avec vous).");
    if (renewal.message() != null) {
      paragraphs.add("Message du référent du réseau : « " + renewal.message() + " »");
    }
    paragraphs.add("Pour répondre, ouvrez la tâche « Répondre à la proposition de renouvellement » dans la liste des tâches. "
        + "Si vous acceptez, indiquez la personne qui signera la convention renouvelée (nom, qualité, courriel) : "
        + "elle la recevra pour signature, comme le Département.");
    paragraphs.add("Signée par les deux parties avant le " + lastDay + ", la convention renouvelée prendra effet le "
        + ParisTime.formatDate(current.lastDay().plusDays(1)) + ", sans interruption, pour trois ans.");
    paragraphs.add("Sans réponse avant la fin de la convention, le " + lastDay + " au soir, la proposition expirera et "
        + organisation.name() + " ne pourra plus emprunter le matériel du Département (article 4).");
    return Message.of(
        current.memberEmails(organisation),
        "Proposition de renouvellement de votre convention : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.openTaskOf(renewal.processInstanceId()),
        "Répondre à la proposition dans la liste des tâches",
        "Bonjour,",
        paragraphs.toArray(String[]::new));
  }

  /** To the network referents: the member accepted; the renewed convention goes to signature. */
  Notification accepted(long renewalId) {
    Renewal renewal = renewals.renewal(renewalId);
    Convention current = lifecycle.convention(renewal.conventionId());
    Convention renewed = lifecycle.convention(renewal.successorId());
    Organisation organisation = lifecycle.organisationOf(current);
    LocalDate lastDay = current.lastDay();
    return Message.of(
        directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
        "Renouvellement accepté : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.staffConventions(),
        "Voir les conventions",
        "Bonjour,",
        answeredBy(renewal) + " a accepté, le " + answeredOn(renewal) + ", le renouvellement de la convention de "
            + organisation.name() + " (en vigueur jusqu'au " + ParisTime.formatDate(lastDay) + ").",
        "La convention renouvelée (n° " + renewed.id() + ") est envoyée pour signature à " + renewed.memberSignatory()
            + " (" + renewed.memberSignatoryEmail() + ") et aux signataires du Département.",
        "Signée par les deux parties au plus tard le " + ParisTime.formatDate(lastDay) + ", elle prendra effet le "
            + ParisTime.formatDate(lastDay.plusDays(1)) + " sans interruption ; signée plus tard, elle prendra effet le jour de la dernière signature "
            + "et l'organisation ne pourra pas emprunter entre-temps.");
  }

  /** To the network referents: the member declined; the convention ends at its last day. */
  Notification declined(long renewalId) {
    Renewal renewal = renewals.renewal(renewalId);
    Convention current = lifecycle.convention(renewal.conventionId());
    Organisation organisation = lifecycle.organisationOf(current);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(answeredBy(renewal) + " a refusé, le " + answeredOn(renewal) + ", le renouvellement de la convention de "
        + organisation.name() + ".");
    paragraphs.add(renewal.declineReason() == null ? "Aucun motif n'a été indiqué." : "Motif indiqué : « " + renewal.declineReason() + " »");
    paragraphs.add("La convention prendra fin le " + ParisTime.formatDate(current.lastDay()) + " au soir : après cette date, "
        + organisation.name() + " ne pourra plus emprunter le matériel du Département (article 4). "
        + "Les gestionnaires du matériel seront alors prévenus pour organiser le retour du matériel encore en prêt.");
    return Message.of(
        directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
        "Renouvellement refusé : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.staffConventions(),
        "Voir les conventions",
        "Bonjour,",
        paragraphs.toArray(String[]::new));
  }

  /** To the network referents: no answer came before the end; the convention ended without renewal. */
  Notification expired(long renewalId) {
    Renewal renewal = renewals.renewal(renewalId);
    Convention current = lifecycle.convention(renewal.conventionId());
    Organisation organisation = lifecycle.organisationOf(current);
    return Message.of(
        directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
        "Proposition de renouvellement sans réponse : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.staffConventions(),
        "Voir les conventions",
        "Bonjour,",
        "La proposition de renouvellement faite le "
            + ParisTime.formatDate(renewal.proposedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate()) + " à " + organisation.name()
            + " est restée sans réponse : elle a expiré à la fin de la convention, le " + ParisTime.formatDate(current.lastDay()) + " au soir.",
        "La convention n'est pas renouvelée : " + organisation.name() + " ne peut plus emprunter le matériel du Département (article 4). "
            + "Pour rejoindre à nouveau le réseau, une nouvelle demande de convention devra être enregistrée "
            + "(« Demande de convention de coopération » dans la liste des tâches).");
  }

  private String answeredBy(Renewal renewal) {
    return renewal.answeredBy() == null
        ? "L'organisation"
        : accounts.personOfUser(renewal.answeredBy()).map(Person::fullName).orElse(renewal.answeredBy());
  }

  private static String answeredOn(Renewal renewal) {
    return ParisTime.formatDate(renewal.answeredAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate());
  }

}
