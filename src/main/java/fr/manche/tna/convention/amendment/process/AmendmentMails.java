package fr.manche.tna.convention.amendment.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.amendment.Amendment;
import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.convention.renewal.Renewal;
import fr.manche.tna.convention.renewal.RenewalService;
import fr.manche.tna.convention.renewal.RenewalStatus;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.Party;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The mails of an amendment request (plain {@link Message}s, in French). */
@Component
class AmendmentMails {

  static final String SUBJECT = "Avenant à la convention de coopération (article 9)";

  private final AmendmentService amendments;
  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final TasklistLinks links;
  private final RenewalService renewals;

  AmendmentMails(
      AmendmentService amendments, ConventionLifecycle lifecycle, Directory directory, TasklistLinks links, RenewalService renewals) {
    this.amendments = amendments;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.links = links;
    this.renewals = renewals;
  }

  /**
   * R05: to the requester's side (the member's contact and signatory, the requester) and the network
   * referents: the request came too late; a change now goes through the renewal, which members cannot ask
   * for with a form: the network referent proposes it (R03). Says whom to write to.
   */
  Notification late(long amendmentId) {
    Amendment amendment = amendments.find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    List<String> recipients = member(amendment, convention, organisation);
    recipients.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    Optional<Renewal> renewal = renewals.ofConvention(convention.id()).stream()
        .filter(proposal -> proposal.status() == RenewalStatus.PROPOSEE || proposal.status() == RenewalStatus.ACCEPTEE)
        .findFirst();
    String next;
    if (renewal.isPresent() && renewal.get().open()) {
      next = "Le Département a déjà proposé à " + organisation.name() + " de renouveler la convention, le "
          + ParisTime.formatDate(renewal.get().proposedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate())
          + " : répondez à cette proposition dans la liste des tâches (tâche « Répondre à la proposition de renouvellement ») "
          + "avant le " + ParisTime.formatDate(convention.lastDay()) + ". La modification souhaitée peut être discutée avec le "
          + "référent du réseau à cette occasion.";
    } else if (renewal.isPresent()) {
      next = "Le renouvellement de la convention est déjà accepté : la modification souhaitée pourra faire l'objet d'une "
          + "demande d'avenant à la convention renouvelée, une fois celle-ci en vigueur.";
    } else {
      next = "Une modification de la convention passe désormais par son renouvellement. Le renouvellement ne se demande pas "
          + "par un formulaire : c'est le référent du réseau du Département qui le propose à " + organisation.name()
          + " avant la fin de la convention, en général lors de l'entretien bilatéral de fin d'année. Vous recevrez alors la "
          + "proposition par courriel et y répondrez dans la liste des tâches.";
    }
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
        next,
        "Pour en parler, écrivez à votre référent du réseau : " + directory.networkReferentContact(lifecycle.networkReferentId(convention)) + ".");
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
            + ". Pour en parler, écrivez au référent du réseau : "
            + directory.networkReferentContact(amendment.decidedBy() != null ? amendment.decidedBy() : lifecycle.networkReferentId(convention)) + ".");
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
