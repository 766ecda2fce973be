package fr.manche.tna.convention;

import fr.manche.tna.membership.Admission;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.Signature;
import fr.manche.tna.signature.SignatureService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A convention once accepted: signature, entry into force, end, renewal and termination (R02, R03, R07),
 * and whether a member may borrow (R08).
 */
@Service
public class ConventionLifecycle {

  /** Where the convention stands at its end: renewed (a successor is signed) or not. */
  public record End(Convention convention, Optional<Convention> successor) {
    public boolean renewed() {
      return successor.isPresent();
    }
  }

  /** The moments a convention in force waits for: both reminders of its end, then its end (R02). */
  public record Deadlines(Instant firstReminder, Instant secondReminder, Instant end) {}

  private final ConventionRepository conventions;
  private final ConventionApplicationService applications;
  private final SignatureService signatures;
  private final Admission admission;
  private final AuditLog audit;

  ConventionLifecycle(
      ConventionRepository conventions,
      ConventionApplicationService applications,
      SignatureService signatures,
      Admission admission,
      AuditLog audit) {
    this.conventions = conventions;
    this.applications = applications;
    this.signatures = signatures;
    this.admission = admission;
    this.audit = audit;
  }

  public Convention convention(long conventionId) {
    return applications.convention(conventionId);
  }

  /**
   * The login of the network referent who follows the convention: the one who accepted its first application
   * (a renewal is accepted by the member, R03, and keeps the referent of the convention it renews); null if
   * unknown.
   */
  public String networkReferentId(Convention convention) {
    Convention first = convention;
    while (first.predecessorId() != null) {
      first = convention(first.predecessorId());
    }
    return first.decidedBy();
  }

  public Organisation organisationOf(Convention convention) {
    return applications.organisationOf(convention);
  }

  /**
   * R02: the convention takes effect on the day of the last signature and lasts three years. A renewal
   * (R03) signed before its predecessor's end follows it without a gap: it takes effect the day after the
   * predecessor's last day.
   */
  public LocalDate effectiveDate(Convention convention, List<Signature> signed) {
    LocalDate lastSignature = ConventionTerms.effectiveDate(signed.stream().map(Signature::signedOn).toArray(LocalDate[]::new));
    if (convention.predecessorId() == null) {
      return lastSignature;
    }
    LocalDate followsOn = convention(convention.predecessorId()).lastDay().plusDays(1);
    return lastSignature.isBefore(followsOn) ? followsOn : lastSignature;
  }

  /**
   * Both parties have signed: sets the dates (R02), archives the signed PDF, and admits the organisation
   * into the network (its referent contact gets an account).
   */
  @Transactional
  public Convention putInForce(long conventionId, String actor) {
    Convention convention = convention(conventionId);
    List<Signature> signed = signatures.signatures(Convention.DOCUMENT_TYPE, conventionId);
    if (signed.size() != Party.values().length) {
      throw new IllegalStateException("Convention " + conventionId + " is not signed by both parties");
    }
    if (actor == null) {
      // A step of its own after the last signature (a save point): who put it in force is who signed last.
      actor = signed.stream().max(java.util.Comparator.comparing(Signature::signedOn)).map(Signature::signerUserId).orElse(null);
    }
    LocalDate effective = effectiveDate(convention, signed);
    LocalDate lastDay = ConventionTerms.lastDayInForce(effective);
    conventions.putInForce(conventionId, effective, lastDay);
    signatures.archiveSigned(Convention.DOCUMENT_TYPE, conventionId);
    admission.admit(convention.organisationId(), actor);
    audit.record(actor == null ? "système" : actor, "Convention signée", "Convention " + conventionId + " — " + organisationOf(convention).name(),
        convention.organisationId(), "En vigueur du " + ParisTime.formatDate(effective) + " au " + ParisTime.formatDate(lastDay));
    return convention(conventionId);
  }

  /** When a convention in force is reminded of its end, then ends; its life's timers wait for these. */
  public Deadlines deadlines(Convention convention) {
    if (convention.lastDay() == null) {
      throw new IllegalStateException("Convention " + convention.id() + " is not in force");
    }
    List<ZonedDateTime> reminders = ConventionTerms.endReminders(convention.lastDay());
    return new Deadlines(reminders.get(0).toInstant(), reminders.get(1).toInstant(),
        ConventionTerms.endsAt(convention.lastDay()).toInstant());
  }

  /** A party refused to sign (reason in the signature's refusal): the convention never takes effect. */
  @Transactional
  public Convention notSigned(long conventionId) {
    conventions.notSigned(conventionId, ParisTime.today());
    Convention convention = convention(conventionId);
    String reason = signatures.refusal(Convention.DOCUMENT_TYPE, conventionId)
        .map(refusal -> refusal.signerName() + " " + refusal.party().label() + " : " + refusal.reason()).orElse(null);
    audit.record("système", "Convention non signée", "Convention " + conventionId + " — " + organisationOf(convention).name(),
        convention.organisationId(), reason);
    return convention;
  }

  /** R02: the day after the last day in force, at midnight in Paris: the convention has reached its end. */
  @Transactional
  public End reachEnd(long conventionId) {
    boolean ended = conventions.reachEnd(conventionId);
    Convention convention = convention(conventionId);
    Optional<Convention> successor =
        conventions.successorOf(conventionId).filter(next -> next.status() == ConventionStatus.SIGNEE);
    if (ended) {
      audit.record("système", successor.isPresent() ? "Convention arrivée à terme, renouvelée" : "Convention arrivée à terme",
          "Convention " + conventionId + " — " + organisationOf(convention).name(), convention.organisationId(), null);
    }
    return new End(convention, successor);
  }

  /**
   * R03: the member accepted the renewal of its convention: the new convention awaits both signatures.
   *
   * @throws InvalidInputException in French when the convention is not in force or already renewed
   */
  @Transactional
  public long createRenewal(long conventionId, String signatoryName, String signatoryRole, String signatoryEmail, String acceptedBy) {
    Convention current = convention(conventionId);
    if (current.status() != ConventionStatus.SIGNEE || current.terminationScope() != null) {
      throw new InvalidInputException("Seule une convention en vigueur peut être renouvelée.");
    }
    if (conventions.successorOf(conventionId).isPresent()) {
      throw new InvalidInputException("Cette convention est déjà renouvelée.");
    }
    ConventionRepository.Signatory signatory =
        new ConventionRepository.Signatory(
            Inputs.required(signatoryName, "Nom du signataire", 200),
            Inputs.required(signatoryRole, "Qualité du signataire", 200),
            ConventionApplicationService.email(signatoryEmail, "Courriel du signataire"));
    long id = conventions.insertRenewal(current.organisationId(), conventionId, ParisTime.now().toOffsetDateTime(), acceptedBy, signatory);
    audit.record(acceptedBy, "Renouvellement accepté", "Convention " + conventionId + " — " + organisationOf(current).name(),
        current.organisationId(), "Nouvelle convention " + id);
    return id;
  }

  /**
   * R07: termination decided after a formal notice: wholly (the convention ends today) or partly (the loan
   * of equipment ends, the rest stays in force).
   */
  @Transactional
  public Convention terminate(long conventionId, TerminationScope scope, String actor, String reason) {
    Convention convention = convention(conventionId);
    if (convention.status() != ConventionStatus.SIGNEE || convention.terminationScope() != null) {
      throw new InvalidInputException("Cette convention n'est plus en vigueur : elle ne peut pas être résiliée.");
    }
    conventions.terminate(conventionId, scope, ParisTime.today());
    audit.record(actor, scope == TerminationScope.TOTALE ? "Convention résiliée" : "Convention partiellement résiliée", "Convention " + conventionId + " — " + organisationOf(convention).name(),
        convention.organisationId(), reason);
    return convention(conventionId);
  }

  /** R08: whether the organisation may borrow on that day: a convention in force, not terminated. */
  public boolean mayBorrow(long organisationId, LocalDate day) {
    return conventions.ofOrganisation(organisationId).stream().anyMatch(convention -> convention.allowsLoansOn(day));
  }

  /**
   * The organisations a member of the network on that day: a convention in force, not terminated (R23: who is invited
   * to the committee and reviewed at year end). Each once, by id.
   */
  public List<Long> membersOn(LocalDate day) {
    return conventions.signedCovering(day).stream().filter(convention -> convention.allowsLoansOn(day))
        .map(Convention::organisationId).distinct().toList();
  }

  /** The organisation's signed convention covering that day (terminated partly or not), if any. */
  public Optional<Convention> inForceOn(long organisationId, LocalDate day) {
    return conventions.ofOrganisation(organisationId).stream()
        .filter(c -> c.status() == ConventionStatus.SIGNEE && !day.isBefore(c.effectiveDate()) && !day.isAfter(c.lastDay()))
        .findFirst();
  }

  /** The organisation's conventions, most recent first. */
  public List<ConventionSummary> ofOrganisation(long organisationId) {
    List<Convention> all = conventions.ofOrganisation(organisationId);
    if (all.isEmpty()) {
      return List.of();
    }
    String name = organisationOf(all.get(0)).name();
    return all.stream().map(c -> new ConventionSummary(c, name)).toList();
  }

  /** The signed PDF, or the draft until both have signed. */
  public Optional<ArchivedDocument> document(long conventionId) {
    return signatures.archived(Convention.DOCUMENT_TYPE, conventionId, ArchivedDocument.SIGNED)
        .or(() -> signatures.archived(Convention.DOCUMENT_TYPE, conventionId, ArchivedDocument.DRAFT));
  }
}
