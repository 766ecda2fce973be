package fr.manche.tna.convention.termination;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.TerminationScope;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Siret;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R07 (article 8): a party that fails its obligations may be sent a formal notice (registered letter with
 * acknowledgement of receipt); thirty days after the acknowledgement, if the failure is not remedied, the
 * convention may be terminated, wholly or partly (the loan of equipment, article 4). Every check is made
 * here, on the server, with French messages; every step is written in the audit trail.
 */
@Service
public class FormalNoticeService {

  /** What the start form says (strings, checked here). */
  public record Submission(String siret, String failure, String letterReference, String sentOn) {}

  private final FormalNoticeRepository notices;
  private final ConventionLifecycle lifecycle;
  private final OrganisationRepository organisations;
  private final AuditLog audit;

  FormalNoticeService(
      FormalNoticeRepository notices, ConventionLifecycle lifecycle, OrganisationRepository organisations, AuditLog audit) {
    this.notices = notices;
    this.lifecycle = lifecycle;
    this.organisations = organisations;
    this.audit = audit;
  }

  /**
   * Records a formal notice sent to the organisation: it must have a signed convention in force today, not
   * terminated, and no other notice open.
   *
   * @param recordedBy who records it; null when the application itself does
   * @throws InvalidInputException in French otherwise, or when the form is incomplete; nothing is recorded
   */
  @Transactional
  public FormalNotice record(Submission submission, String processInstanceId, String recordedBy) {
    String actor = recordedBy != null ? recordedBy : "systeme";
    String siret = Siret.normalise(submission.siret());
    String failure = Inputs.required(submission.failure(), "Manquement constaté", 2000);
    String letterReference = Inputs.required(submission.letterReference(), "Référence de la lettre recommandée", 100);
    LocalDate sentOn = ParisTime.parseDate(submission.sentOn(), "Date d'envoi de la lettre");
    LocalDate today = ParisTime.today();
    if (sentOn.isAfter(today)) {
      throw new InvalidInputException("La date d'envoi de la lettre (" + ParisTime.formatDate(sentOn)
          + ") ne peut pas être dans le futur : enregistrez la mise en demeure une fois la lettre recommandée envoyée.");
    }
    Organisation organisation =
        organisations.findBySiret(siret)
            .orElseThrow(() -> new InvalidInputException(
                "Aucune organisation n'est enregistrée avec le SIRET " + siret + " : vérifiez le numéro."));
    Convention convention =
        lifecycle.inForceOn(organisation.id(), today)
            .orElseThrow(() -> new InvalidInputException(
                organisation.name() + " n'a pas de convention signée en vigueur aujourd'hui : une mise en demeure "
                    + "(article 8) ne concerne qu'une convention en vigueur."));
    if (convention.terminationScope() != null) {
      // A wholly terminated convention is no longer SIGNEE: only a partial termination reaches here.
      throw new InvalidInputException("La convention de " + organisation.name()
          + " est déjà résiliée partiellement (prêt de matériel, article 4) : une nouvelle mise en demeure n'est pas possible.");
    }
    if (sentOn.isBefore(convention.effectiveDate())) {
      throw new InvalidInputException("La lettre (envoyée le " + ParisTime.formatDate(sentOn)
          + ") ne peut pas précéder l'entrée en vigueur de la convention, le " + ParisTime.formatDate(convention.effectiveDate()) + ".");
    }
    notices.lockConvention(convention.id());
    notices.ofConvention(convention.id()).stream().filter(FormalNotice::open).findFirst().ifPresent(open -> {
      throw new InvalidInputException("Une mise en demeure est déjà en cours pour " + organisation.name() + " : "
          + open.title() + ", " + open.statusLabel().toLowerCase(java.util.Locale.FRANCE)
          + ". Attendez son issue avant d'en enregistrer une autre.");
    });
    long id = notices.insert(convention.id(), processInstanceId, failure, letterReference, sentOn, actor,
        ParisTime.now().toOffsetDateTime());
    FormalNotice notice = find(id);
    audit.record(actor, "Mise en demeure envoyée", subject(convention, organisation), organisation.id(),
        notice.title() + " — " + failure);
    return notice;
  }

  /**
   * Records the day the member received the notice: the thirty days run from it (R07).
   *
   * @throws InvalidInputException in French when the date is not a date, precedes the sending or is in the
   *     future, or when the acknowledgement is already recorded
   */
  @Transactional
  public FormalNotice acknowledge(long noticeId, String acknowledgedOn, String actor) {
    FormalNotice notice = find(noticeId);
    LocalDate day = ParisTime.parseDate(acknowledgedOn, "Date de l'accusé de réception");
    if (day.isBefore(notice.sentOn())) {
      throw new InvalidInputException("L'accusé de réception (" + ParisTime.formatDate(day)
          + ") ne peut pas précéder l'envoi de la lettre, le " + notice.sentOnLabel() + " : vérifiez la date.");
    }
    if (day.isAfter(ParisTime.today())) {
      throw new InvalidInputException("La date de l'accusé de réception (" + ParisTime.formatDate(day)
          + ") ne peut pas être dans le futur.");
    }
    if (!notices.acknowledge(noticeId, day)) {
      throw new InvalidInputException("L'accusé de réception de cette mise en demeure est déjà enregistré.");
    }
    FormalNotice acknowledged = find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    audit.record(actor, "Accusé de réception de mise en demeure", subject(convention, lifecycle.organisationOf(convention)),
        convention.organisationId(), acknowledged.title() + " reçue le " + acknowledged.acknowledgedOnLabel()
            + " ; résiliation possible à partir du " + acknowledged.terminationPossibleFromLabel());
    return acknowledged;
  }

  /**
   * Staff note that the member remedied the failure (during the thirty days, or when deciding after them):
   * the notice is lifted and nothing else changes (R07).
   *
   * @param confirmed the form's "remedied" box: must be ticked
   * @throws InvalidInputException in French when the box is not ticked or the notice is already closed
   */
  @Transactional
  public FormalNotice remedy(long noticeId, Object confirmed, String comment, String actor) {
    if (!Boolean.TRUE.equals(confirmed) && !"true".equals(String.valueOf(confirmed))) {
      throw new InvalidInputException("Cochez « Le manquement est régularisé » pour lever la mise en demeure. "
          + "Sinon laissez cette tâche ouverte : à la fin du délai de trente jours, la décision vous sera proposée.");
    }
    return close(noticeId, FormalNoticeStatus.REGULARISEE, Inputs.optional(comment, "Commentaire", 2000), null, actor);
  }

  /**
   * Staff decide, the thirty days after the acknowledgement being over (R07): terminate wholly or partly, or
   * note that the failure was remedied.
   *
   * @throws InvalidInputException in French when terminating before the end of the thirty days (whoever
   *     completes the task, however), without a reason, or when the convention is no longer in force
   */
  @Transactional
  public FormalNotice decide(long noticeId, NoticeDecision decision, String reason, String actor) {
    if (decision == NoticeDecision.REGULARISEE) {
      return close(noticeId, FormalNoticeStatus.REGULARISEE, Inputs.optional(reason, "Motif", 2000), null, actor);
    }
    if (decision == NoticeDecision.CLASSEE) {
      Convention convention = lifecycle.convention(find(noticeId).conventionId());
      if (convention.status() == ConventionStatus.SIGNEE && convention.terminationScope() == null) {
        throw new InvalidInputException("La convention est toujours en vigueur (jusqu'au " + ParisTime.formatDate(convention.lastDay())
            + ") : décidez de la résiliation ou constatez que le manquement est régularisé.");
      }
      FormalNotice closed = close(noticeId, FormalNoticeStatus.CLASSEE, Inputs.optional(reason, "Motif", 2000), null, actor);
      audit.record(actor, "Mise en demeure classée sans suite", subject(convention, lifecycle.organisationOf(convention)),
          convention.organisationId(), closed.title());
      return closed;
    }
    return terminate(noticeId, decision.scope(), reason, actor);
  }

  private FormalNotice terminate(long noticeId, TerminationScope scope, String reason, String actor) {
    FormalNotice notice = find(noticeId);
    checkOpen(notice);
    if (notice.acknowledgedOn() == null) {
      throw new InvalidInputException("Enregistrez d'abord l'accusé de réception de la mise en demeure : "
          + "le délai de trente jours avant une résiliation court à partir de sa date (article 8).");
    }
    ZonedDateTime possibleFrom = notice.terminationPossibleFrom().orElseThrow();
    if (ParisTime.now().isBefore(possibleFrom)) {
      throw new InvalidInputException("La convention ne peut pas encore être résiliée : la mise en demeure a été reçue le "
          + notice.acknowledgedOnLabel() + " et la résiliation n'est possible qu'à partir du " + notice.terminationPossibleFromLabel()
          + " (trente jours après l'accusé de réception, article 8).");
    }
    String why = Inputs.required(reason, "Motif de la résiliation", 2000);
    lifecycle.terminate(notice.conventionId(), scope, actor, why + " — " + notice.title());
    return close(noticeId, scope == TerminationScope.TOTALE ? FormalNoticeStatus.RESILIEE_TOTALE : FormalNoticeStatus.RESILIEE_PARTIELLE,
        why, terminatedParts(scope), actor);
  }

  /** What a termination ends, as recorded with the notice. */
  static String terminatedParts(TerminationScope scope) {
    return scope == TerminationScope.TOTALE
        ? "La convention entière"
        : "Le prêt de matériel (article 4) ; le reste de la convention demeure";
  }

  private FormalNotice close(long noticeId, FormalNoticeStatus outcome, String decision, String terminatedParts, String actor) {
    FormalNotice notice = find(noticeId);
    checkOpen(notice);
    if (!notices.close(noticeId, outcome, actor, ParisTime.now().toOffsetDateTime(), decision, terminatedParts)) {
      throw new InvalidInputException("Cette mise en demeure est déjà close.");
    }
    if (outcome == FormalNoticeStatus.REGULARISEE) {
      Convention convention = lifecycle.convention(notice.conventionId());
      audit.record(actor, "Mise en demeure levée : manquement régularisé", subject(convention, lifecycle.organisationOf(convention)),
          convention.organisationId(), notice.title() + (decision == null ? "" : " — " + decision));
    }
    return find(noticeId);
  }

  private static void checkOpen(FormalNotice notice) {
    if (!notice.open()) {
      throw new InvalidInputException("Cette mise en demeure est déjà close : " + notice.status().label().toLowerCase(java.util.Locale.FRANCE) + ".");
    }
  }

  public FormalNotice find(long noticeId) {
    return notices.findById(noticeId).orElseThrow(() -> new IllegalArgumentException("No formal notice " + noticeId));
  }

  /** The convention's formal notices, most recent first, for the convention pages. */
  public List<FormalNotice> ofConvention(long conventionId) {
    return notices.ofConvention(conventionId);
  }

  /** The convention's notice still running (sent or acknowledged), if any. */
  public Optional<FormalNotice> openNotice(long conventionId) {
    return notices.ofConvention(conventionId).stream().filter(FormalNotice::open).findFirst();
  }

  /**
   * R07: from when the convention may be terminated under its open notice (Paris time); empty when no notice
   * is open or its acknowledgement is not recorded yet.
   */
  public Optional<ZonedDateTime> openNoticeDeadline(long conventionId) {
    return openNotice(conventionId).flatMap(FormalNotice::terminationPossibleFrom);
  }

  /**
   * Every open notice by convention id, oldest first, for the staff's list of deadlines
   * ({@link FormalNotice#deadlineLabel()}).
   */
  public Map<Long, FormalNotice> openNotices() {
    Map<Long, FormalNotice> byConvention = new LinkedHashMap<>();
    notices.open().forEach(notice -> byConvention.putIfAbsent(notice.conventionId(), notice));
    return byConvention;
  }

  private static String subject(Convention convention, Organisation organisation) {
    return "Convention " + convention.id() + " — " + organisation.name();
  }
}
