package fr.manche.tna.convention.termination.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.termination.FormalNotice;
import fr.manche.tna.convention.termination.FormalNoticeService;
import fr.manche.tna.convention.termination.FormalNoticeStatus;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The mails of a formal notice and its outcome (R07), to the member and to staff. */
@Component
class ConventionTerminationMails {

  static final String SUBJECT = "Mise en demeure (article 8 de la convention de coopération)";
  private static final String MEMBER_LINK_LABEL = "Voir la convention et ses échéances";

  private final FormalNoticeService notices;
  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final TasklistLinks links;

  ConventionTerminationMails(FormalNoticeService notices, ConventionLifecycle lifecycle, Directory directory, TasklistLinks links) {
    this.notices = notices;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.links = links;
  }

  /** To the member: a copy of the notice, the failure, and what happens after thirty days. */
  Notification noticeToMember(long noticeId) {
    FormalNotice notice = notices.find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    return Message.of(
        convention.memberEmails(organisation),
        "Mise en demeure : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.memberConventions(),
        MEMBER_LINK_LABEL,
        "Bonjour,",
        "Le Département de la Manche a adressé à " + organisation.name() + ", le " + notice.sentOnLabel()
            + ", une lettre recommandée avec accusé de réception (référence " + notice.letterReference()
            + ") la mettant en demeure de respecter ses obligations au titre de la convention de coopération. "
            + "Ce courriel vous en donne copie.",
        "Manquement constaté : " + notice.failure(),
        "Conformément à l'article 8 de la convention, si ce manquement n'est pas réparé dans les trente jours qui suivent "
            + "la réception de la lettre (date de l'accusé de réception), le Département pourra résilier la convention, "
            + "en totalité ou en partie (par exemple le prêt de matériel).",
        "Pour régulariser la situation ou pour toute question, écrivez au référent du réseau : "
            + directory.networkReferentContact(lifecycle.networkReferentId(convention)) + ". "
            + "Tant que la convention n'est pas résiliée, elle continue de s'appliquer.");
  }

  /** To the member: the failure is remedied, the notice is lifted, the convention goes on. */
  Notification remediedToMember(long noticeId) {
    FormalNotice notice = notices.find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Le Département de la Manche constate que le manquement qui avait motivé la mise en demeure du "
        + notice.sentOnLabel() + " (lettre " + notice.letterReference() + ") est réparé.");
    if (notice.decision() != null) {
      paragraphs.add("Commentaire du Département : " + notice.decision());
    }
    paragraphs.add("La mise en demeure est levée et la situation revient à la normale : la convention de coopération continue "
        + "de s'appliquer, et " + organisation.name() + " peut toujours emprunter le matériel du Département (article 4).");
    return Message.of(
        convention.memberEmails(organisation),
        "Mise en demeure levée : " + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.memberConventions(),
        MEMBER_LINK_LABEL,
        "Bonjour,",
        paragraphs.toArray(String[]::new));
  }

  /** To the network referents: the thirty days are over, a decision awaits them in Tasklist. */
  Notification periodOverToReferents(long noticeId, String processInstanceId) {
    FormalNotice notice = notices.find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    return Message.of(
        directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
        "Mise en demeure : délai écoulé pour " + organisation.name() + ", décision à prendre",
        organisation.name(),
        SUBJECT,
        links.openTaskOf(processInstanceId),
        "Décider de la suite dans la liste des tâches",
        "Bonjour,",
        "La mise en demeure du " + notice.sentOnLabel() + " (lettre " + notice.letterReference() + ") a été reçue par "
            + organisation.name() + " le " + notice.acknowledgedOnLabel() + ". Le délai de trente jours est écoulé depuis le "
            + notice.terminationPossibleFromLabel() + " (article 8).",
        "Manquement constaté : " + notice.failure(),
        "Décidez de la suite : résilier la convention en totalité, résilier seulement le prêt de matériel, "
            + "ou constater que le manquement est régularisé.");
  }

  /** To the member: what the termination ends, from when, and that equipment on loan must come back. */
  Notification terminationToMember(long noticeId) {
    FormalNotice notice = notices.find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    boolean total = notice.status() == FormalNoticeStatus.RESILIEE_TOTALE;
    String from = notice.decidedOnLabel();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("La mise en demeure du " + notice.sentOnLabel() + " (lettre " + notice.letterReference() + "), reçue le "
        + notice.acknowledgedOnLabel() + ", est restée sans effet au terme du délai de trente jours prévu à l'article 8 "
        + "de la convention de coopération.");
    paragraphs.add(total
        ? "Le Département de la Manche résilie en totalité la convention de coopération de " + organisation.name()
            + ", à compter du " + from + ". " + organisation.name() + " ne fait plus partie du réseau des territoires numériques apprenants."
        : "Le Département de la Manche résilie partiellement la convention de coopération de " + organisation.name()
            + ", à compter du " + from + " : seul le prêt de matériel (article 4) prend fin. Le reste de la convention "
            + "demeure en vigueur jusqu'au " + ParisTime.formatDate(convention.lastDay()) + " : " + organisation.name()
            + " reste membre du réseau (événements, comité de pilotage).");
    paragraphs.add("Motif : " + notice.decision());
    paragraphs.add("À compter du " + from + ", " + organisation.name() + " ne peut plus emprunter le matériel du Département : "
        + "aucun nouveau prêt n'est possible. Le matériel encore en prêt doit être rapporté à la Maison du Département "
        + "aux heures d'ouverture ; le gestionnaire du matériel vous contactera pour en convenir.");
    return Message.of(
        convention.memberEmails(organisation),
        (total ? "Résiliation de votre convention : " : "Résiliation partielle de votre convention (prêt de matériel) : ")
            + organisation.name(),
        organisation.name(),
        SUBJECT,
        links.memberConventions(),
        MEMBER_LINK_LABEL,
        "Bonjour,",
        paragraphs.toArray(String[]::new));
  }

  /** To the equipment managers and referents: the member may no longer borrow, equipment on loan comes back. */
  Notification terminationToStaff(long noticeId) {
    FormalNotice notice = notices.find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    boolean total = notice.status() == FormalNoticeStatus.RESILIEE_TOTALE;
    List<String> staff = new ArrayList<>(directory.emailsOf(StaffGroup.EQUIPMENT_MANAGERS));
    staff.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
    return Message.of(
        staff,
        (total ? "Convention résiliée" : "Prêt de matériel résilié") + " : " + organisation.name() + " ne peut plus emprunter",
        organisation.name(),
        SUBJECT,
        links.staffConventions(),
        "Voir les conventions",
        "Bonjour,",
        "Après la mise en demeure du " + notice.sentOnLabel() + " (lettre " + notice.letterReference() + "), la convention de "
            + organisation.name() + " est " + (total ? "résiliée en totalité" : "résiliée partiellement : prêt de matériel (article 4)")
            + " à compter du " + notice.decidedOnLabel() + ". L'organisation ne peut plus emprunter (article 4, R08).",
        "Vérifiez le matériel qu'elle a encore en prêt et organisez son retour à la Maison du Département, aux heures d'ouverture.");
  }

}
