package fr.manche.tna.convention.amendment.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.amendment.Amendment;
import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.Party;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The mails of an amendment request (plain {@link Message}s, in French). */
@Component
class AmendmentMails {

  static final String SUBJECT = "Avenant à la convention de coopération (article 9)";

  private final AmendmentService amendments;
  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final TasklistLinks links;

  AmendmentMails(AmendmentService amendments, ConventionLifecycle lifecycle, Directory directory, TasklistLinks links) {
    this.amendments = amendments;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.links = links;
  }

  /**
   * R05: to the requester's side (the member's contact and signatory, the requester) and the network
   * referents: the request came too late; renew instead.
   */
  Notification late(long amendmentId) {
    Amendment amendment = amendments.find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    List<String> recipients = member(amendment, convention, organisation);
    recipients.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    return Message.of(
        recipients,
        "Demande d'avenant hors délai : « " + amendment.object() + " »",
        organisation.name(),
        SUBJECT,
        links.memberConventions(),
        "Voir la convention et ses échéances",
        "Bonjour,",
        "La demande d'avenant « " + amendment.object() + " » à la convention de coopération de " + organisation.name()
            + ", reçue le " + ParisTime.formatDate(amendment.receivedOn()) + " " + requestedBy(amendment)
            + ", ne peut pas être examinée.",
        "Motif : " + amendment.decisionReason(),
        "Le référent du réseau peut vous aider à préparer ce renouvellement, par exemple lors de l'entretien bilatéral de fin d'année.");
  }

  /** To the network referents: a request to review. */
  Notification toReview(long amendmentId, String processInstanceId) {
    Amendment amendment = amendments.find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    return Message.of(
        directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
        "Demande d'avenant à examiner : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.openTaskOf(processInstanceId),
        "Examiner la demande dans la liste des tâches",
        "Bonjour,",
        "Une demande d'avenant à la convention de coopération de " + organisation.name() + " a été reçue le "
            + ParisTime.formatDate(amendment.receivedOn()) + " " + requestedBy(amendment) + " : « " + amendment.object() + " ».",
        "Modifications demandées : " + amendment.content(),
        amendment.namedEffectiveDate() == null
            ? "Aucune date d'effet n'est demandée : l'avenant prendra effet le premier jour du mois qui suit sa signature (article 9)."
            : "Date d'effet souhaitée : à partir du " + ParisTime.formatDate(amendment.namedEffectiveDate()) + ".",
        "La convention est en vigueur jusqu'au " + ParisTime.formatDate(convention.lastDay())
            + ". Acceptez ou refusez la demande dans la liste des tâches ; un refus est motivé et envoyé à l'organisation.");
  }

  /** To the organisation (its contact, and the requester): the referent refused, and why. */
  Notification refused(long amendmentId) {
    Amendment amendment = amendments.find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    List<String> recipients = new ArrayList<>(List.of(organisation.contactEmail()));
    amendments.requesterEmail(amendment).ifPresent(recipients::add);
    return Message.of(
        recipients,
        "Demande d'avenant refusée : « " + amendment.object() + " »",
        organisation.name(),
        SUBJECT,
        links.memberConventions(),
        "Voir la convention et ses échéances",
        "Bonjour,",
        "Le Département ne donne pas suite à la demande d'avenant « " + amendment.object() + " » à la convention de coopération de "
            + organisation.name() + ", reçue le " + ParisTime.formatDate(amendment.receivedOn()) + ".",
        "Motif : " + amendment.decisionReason(),
        "La convention reste en vigueur sans changement jusqu'au " + ParisTime.formatDate(convention.lastDay())
            + ". Pour en parler, prenez contact avec le référent du réseau.");
  }

  /** To both parties: the signed amendment, attached, and from when it applies (R06). */
  Notification signed(long amendmentId) {
    Amendment amendment = amendments.find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    ArchivedDocument pdf = amendments.document(amendmentId).orElseThrow();
    List<String> recipients = member(amendment, convention, organisation);
    recipients.addAll(directory.emailsOf(StaffGroup.SIGNATORIES));
    recipients.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    boolean named = amendment.effectiveDate().equals(amendment.namedEffectiveDate());
    return Message.of(
            recipients,
            amendment.title() + " signé : " + organisation.name(),
            organisation.name(),
            SUBJECT,
            links.memberConventions(),
            "Voir la convention et ses avenants",
            "Bonjour,",
            "L'avenant n° " + amendment.number() + " « " + amendment.object() + " » à la convention de coopération entre le Département "
                + "de la Manche et " + organisation.name() + " est signé par les deux parties. Vous trouverez l'exemplaire signé en pièce "
                + "jointe (PDF) ; il est aussi archivé par le Département.",
            "Il prend effet le " + ParisTime.formatDate(amendment.effectiveDate())
                + (named ? ", date qu'il fixe" : ", premier jour du mois qui suit sa dernière signature (article 9)")
                + ", et fait dès lors partie de la convention, qui reste en vigueur jusqu'au "
                + ParisTime.formatDate(convention.lastDay()) + ".")
        .with(new Notification.Attachment(pdf.fileName(), "application/pdf", pdf.content()));
  }

  /** The member's contact and signatory, and the requester. */
  private List<String> member(Amendment amendment, Convention convention, Organisation organisation) {
    List<String> recipients = convention.memberEmails(organisation);
    amendments.requesterEmail(amendment).ifPresent(recipients::add);
    return recipients;
  }

  private static String requestedBy(Amendment amendment) {
    return amendment.requestedByParty() == Party.MEMBRE ? "de la part de l'organisation" : "de la part du Département";
  }
}
