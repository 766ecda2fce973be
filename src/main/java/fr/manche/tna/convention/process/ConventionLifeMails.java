package fr.manche.tna.convention.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.ArchivedDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The mails of a convention's life: signed, end reminders, end. */
@Component
class ConventionLifeMails {

  static final String SUBJECT = "Convention de coopération";

  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final TasklistLinks links;

  ConventionLifeMails(ConventionLifecycle lifecycle, Directory directory, TasklistLinks links) {
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.links = links;
  }

  /** To both parties: the signed convention, attached, with its dates. */
  Notification signed(long conventionId) {
    Convention convention = lifecycle.convention(conventionId);
    Organisation organisation = lifecycle.organisationOf(convention);
    ArchivedDocument pdf = lifecycle.document(conventionId).orElseThrow();
    List<String> recipients = convention.memberEmails(organisation);
    recipients.addAll(directory.emailsOf(StaffGroup.SIGNATORIES));
    recipients.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    return Message.of(
            recipients,
            "Convention signée : " + organisation.name(),
            organisation.name(),
            SUBJECT,
            links.memberConventions(),
            "Voir la convention et ses échéances",
            "Bonjour,",
            "La convention de coopération entre le Département de la Manche et " + organisation.name()
                + " est signée par les deux parties. Vous trouverez l'exemplaire signé en pièce jointe (PDF) ; il est aussi archivé par le Département.",
            "Elle est en vigueur du " + ParisTime.formatDate(convention.effectiveDate()) + " au "
                + ParisTime.formatDate(convention.lastDay()) + " inclus (article 5 : trois ans à compter de la dernière signature).",
            "Tant qu'elle est en vigueur, " + organisation.name() + " peut emprunter gratuitement le matériel du Département (article 4). "
                + "Une demande d'avenant doit nous parvenir au plus tard le "
                + ParisTime.formatDate(ConventionTerms.amendmentRequestDeadline(convention.lastDay())) + " (article 9).")
        .with(new Notification.Attachment(pdf.fileName(), "application/pdf", pdf.content()));
  }

  /** To both parties, six then four months before the end: prepare the renewal. */
  Notification endReminder(long conventionId) {
    Convention convention = lifecycle.convention(conventionId);
    Organisation organisation = lifecycle.organisationOf(convention);
    List<String> recipients = convention.memberEmails(organisation);
    recipients.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    LocalDate deadline = ConventionTerms.amendmentRequestDeadline(convention.lastDay());
    return Message.of(
        recipients,
        "La convention de " + organisation.name() + " se termine le " + ParisTime.formatDate(convention.lastDay()),
        organisation.name(),
        SUBJECT,
        links.memberConventions(),
        "Voir la convention et ses échéances",
        "Bonjour,",
        "La convention de coopération de " + organisation.name() + " arrive à son terme le "
            + ParisTime.formatDate(convention.lastDay()) + " au soir. Après cette date, sans renouvellement, "
            + organisation.name() + " ne pourra plus emprunter le matériel du Département.",
        "Le renouvellement se prépare ensemble (article 5), par exemple lors de l'entretien bilatéral de fin d'année : "
            + "le référent du réseau vous le proposera dans la liste des tâches.",
        ParisTime.today().isAfter(deadline)
            ? "Il n'est plus possible de demander un avenant (trois mois avant la fin, article 9) : un changement passera par le renouvellement."
            : "Une demande d'avenant reste possible jusqu'au " + ParisTime.formatDate(deadline) + " (article 9).");
  }

  /** To the member: the convention has ended, renewed or not. */
  Notification endedToMember(long conventionId, boolean renewed) {
    Convention convention = lifecycle.convention(conventionId);
    Organisation organisation = lifecycle.organisationOf(convention);
    String ended = "La convention de coopération de " + organisation.name() + " est arrivée à son terme le "
        + ParisTime.formatDate(convention.lastDay()) + ".";
    return renewed
        ? Message.of(convention.memberEmails(organisation), "Votre convention est renouvelée : " + organisation.name(),
            organisation.name(), SUBJECT, links.memberConventions(), "Voir la convention et ses échéances", "Bonjour,",
            ended, "La convention renouvelée lui succède sans interruption : vos emprunts de matériel continuent normalement.")
        : Message.of(convention.memberEmails(organisation), "Votre convention est arrivée à son terme : " + organisation.name(),
            organisation.name(), SUBJECT, links.memberConventions(), "Voir la convention et ses échéances", "Bonjour,",
            ended,
            "Elle n'a pas été renouvelée : " + organisation.name() + " ne peut plus emprunter le matériel du Département (article 4). "
                + "Le matériel encore en prêt doit être rapporté à la Maison du Département aux heures d'ouverture.",
            "Pour rejoindre à nouveau le réseau, écrivez au référent du réseau : "
                + directory.networkReferentContact(lifecycle.networkReferentId(convention)) + ".");
  }

  /** To staff, when the convention ended without renewal: loans must stop, equipment on loan comes back. */
  Notification endedToStaff(long conventionId) {
    Convention convention = lifecycle.convention(conventionId);
    Organisation organisation = lifecycle.organisationOf(convention);
    List<String> staff = new ArrayList<>(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    staff.addAll(directory.emailsOf(StaffGroup.EQUIPMENT_MANAGERS));
    return Message.of(staff, "Fin de convention sans renouvellement : " + organisation.name() + " ne peut plus emprunter",
        organisation.name(), SUBJECT, links.staffConventions(), "Voir les conventions", "Bonjour,",
        "La convention de " + organisation.name() + " est arrivée à son terme le " + ParisTime.formatDate(convention.lastDay())
            + " sans renouvellement : l'organisation ne peut plus emprunter (article 4, R08).",
        "Vérifiez le matériel qu'elle a encore en prêt et organisez son retour à la Maison du Département.");
  }

}
