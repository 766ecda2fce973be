package fr.manche.tna.convention.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.CalendarInvitation;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The mails of the convention application: what they say and to whom. */
@Component
class ConventionMails {

  static final String REQUEST_SUBJECT = "Demande de convention de coopération";
  static final String MAISON_DU_DEPARTEMENT = "Maison du Département de la Manche, 98 route de Candol, Saint-Lô";

  private final ConventionApplicationService service;
  private final Directory directory;
  private final TasklistLinks links;
  private final AccountService accounts;

  ConventionMails(ConventionApplicationService service, Directory directory, TasklistLinks links, AccountService accounts) {
    this.service = service;
    this.directory = directory;
    this.links = links;
    this.accounts = accounts;
  }

  /** To the network referents: a new application awaits their review. */
  Notification reviewRequested(long conventionId) {
    Convention convention = service.convention(conventionId);
    Organisation organisation = service.organisationOf(convention);
    return new Notification(
        "convention-review-requested",
        directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
        "Nouvelle demande de convention à examiner : " + organisation.name(),
        organisation.name(),
        REQUEST_SUBJECT,
        links.openTaskOf(convention.processInstanceId()),
        Map.of(
            "legalForm", organisation.legalForm().label(),
            "siret", organisation.siret(),
            "contactName", organisation.contactName(),
            "appliedOn", ParisTime.formatDate(convention.appliedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate())),
        null);
  }

  /**
   * To the organisation's contact: the referent's decision, with the welcome meeting if one is set. The
   * contact usually has no account yet: an accepted application links to the member's page, which they
   * reach once invited (the mail says when that invitation comes); otherwise the link writes to the referent
   * who decided, the one thing the contact can do.
   */
  Notification decision(long conventionId) {
    Convention convention = service.convention(conventionId);
    Organisation organisation = service.organisationOf(convention);
    ConventionStatus outcome = convention.status();
    Map<String, Object> model = new HashMap<>();
    model.put("contactName", organisation.contactName());
    model.put("reason", convention.decisionReason());
    model.put("referentContact", directory.networkReferentContact(convention.decidedBy()));
    String link;
    if (outcome == ConventionStatus.ACCEPTEE) {
      boolean contactSigns = organisation.contactEmail().equalsIgnoreCase(convention.memberSignatoryEmail());
      boolean contactHasAccount = accounts.peopleOf(organisation.id()).stream()
          .anyMatch(person -> person.active() && person.email().equalsIgnoreCase(organisation.contactEmail()));
      model.put("signatory", convention.memberSignatory());
      model.put("contactSigns", contactSigns);
      model.put("contactHasAccount", contactHasAccount);
      model.put("linkLabel", contactHasAccount ? "Voir la convention" : "Voir la convention (une fois votre mot de passe choisi)");
      link = links.memberConventions();
    } else {
      String referentEmail = directory.networkReferentEmail(convention.decidedBy());
      model.put("linkLabel", referentEmail == null ? "Plateforme du réseau des territoires numériques apprenants" : "Écrire au référent du réseau");
      link = referentEmail == null ? links.memberConventions() : "mailto:" + referentEmail;
    }
    CalendarInvitation invitation = null;
    if (convention.welcomeMeetingAt() != null) {
      ZonedDateTime start = convention.welcomeMeetingAt().atZoneSameInstant(ParisTime.ZONE);
      model.put("meeting", ParisTime.formatDateTime(start));
      model.put("meetingPlace", MAISON_DU_DEPARTEMENT);
      invitation =
          new CalendarInvitation(
              "convention-" + conventionId + "-accueil@reseau-tna.manche.fr",
              "Rendez-vous d'accueil dans le réseau des territoires numériques apprenants",
              "Présentation du réseau et de la convention de coopération à " + organisation.name() + ".",
              MAISON_DU_DEPARTEMENT,
              start,
              start.plusHours(1));
    }
    return new Notification(
        switch (outcome) {
          case ACCEPTEE -> "convention-application-accepted";
          case REFUSEE -> "convention-application-refused";
          default -> "convention-application-changes";
        },
        List.of(organisation.contactEmail()),
        switch (outcome) {
              case ACCEPTEE -> "Votre demande de convention est acceptée";
              case REFUSEE -> "Votre demande de convention n'est pas retenue";
              default -> "Votre demande de convention : des compléments sont nécessaires";
            }
            + " : " + organisation.name(),
        organisation.name(),
        REQUEST_SUBJECT,
        link,
        model,
        invitation);
  }
}
