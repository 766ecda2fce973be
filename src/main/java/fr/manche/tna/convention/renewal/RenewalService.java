package fr.manche.tna.convention.renewal;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionSummary;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.Siret;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R03: the renewal of a convention, proposed by the département's staff (typically after the year-end
 * bilateral review, R23) and accepted or declined by the member before the convention's end. An accepted
 * renewal becomes a new convention that follows the current one without a gap once both have signed (R02,
 * see {@link ConventionLifecycle#effectiveDate}).
 */
@Service
public class RenewalService {

  /** A recorded proposal, with the convention it renews and its organisation. */
  public record Proposal(Renewal renewal, Convention convention, Organisation organisation) {

    /** When the proposal lapses without an answer: the convention's end, the day after its last day at 00:00 Paris. */
    public Instant expiresAt() {
      return expiresOn(convention).atStartOfDay(ParisTime.ZONE).toInstant();
    }

    /** The renewed convention's last day in force, in French words ("31 mars 2027"). */
    public String currentLastDay() {
      return ParisTime.formatDate(convention.lastDay());
    }
  }

  private final RenewalRepository renewals;
  private final ConventionLifecycle lifecycle;
  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final AuditLog audit;

  RenewalService(
      RenewalRepository renewals,
      ConventionLifecycle lifecycle,
      OrganisationRepository organisations,
      AccountService accounts,
      AuditLog audit) {
    this.renewals = renewals;
    this.lifecycle = lifecycle;
    this.organisations = organisations;
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * Records a renewal proposal for the organisation's convention in force today.
   *
   * @param proposedBy login of the staff member who proposes it; null when the application itself does
   * @throws InvalidInputException in French when the SIRET is unknown, the organisation has no convention in
   *     force today (or it is terminated), the convention is already renewed, or a proposal awaits an answer
   */
  @Transactional
  public Proposal propose(String submittedSiret, String message, String proposedBy, String processInstanceId) {
    String siret = Siret.normalise(Inputs.required(submittedSiret, "Numéro SIRET de l'organisation"));
    String checkedMessage = Inputs.optional(message, "Message à l'organisation", 2000);
    String proposer = proposedBy == null ? "système" : proposedBy;
    Organisation organisation = organisations.findBySiret(siret)
        .orElseThrow(() -> new InvalidInputException("Aucune organisation n'a le numéro SIRET " + siret + " : vérifiez-le."));
    Convention current = lifecycle.inForceOn(organisation.id(), ParisTime.today())
        .orElseThrow(() -> new InvalidInputException(
            organisation.name() + " n'a pas de convention en vigueur aujourd'hui : il n'y a rien à renouveler. "
                + "Pour rejoindre le réseau, l'organisation dépose une demande de convention."));
    if (current.terminationScope() != null) {
      throw new InvalidInputException("La convention de " + organisation.name()
          + " a été résiliée (article 8) : elle ne peut pas être renouvelée.");
    }
    successorOf(current).ifPresent(successor -> {
      throw new InvalidInputException("La convention de " + organisation.name() + " (en vigueur jusqu'au "
          + ParisTime.formatDate(current.lastDay()) + ") est déjà renouvelée : nouvelle convention n° " + successor.id()
          + ", " + new ConventionSummary(successor, organisation.name()).statusLabel().toLowerCase(java.util.Locale.FRENCH) + ".");
    });
    renewals.ofConvention(current.id()).stream().filter(Renewal::open).findFirst().ifPresent(open -> {
      throw new InvalidInputException("Un renouvellement de la convention de " + organisation.name() + " a déjà été proposé le "
          + ParisTime.formatDate(open.proposedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate())
          + " et attend la réponse de l'organisation : une seule proposition à la fois.");
    });
    if (organisation.memberGroupId() == null) {
      throw new IllegalStateException("Organisation " + organisation.id() + " has a signed convention but no member group");
    }
    long id = renewals.insertProposal(current.id(), processInstanceId, proposer, ParisTime.now().toOffsetDateTime(), checkedMessage);
    audit.record(proposer, "Renouvellement proposé", subject(current, organisation), organisation.id(), checkedMessage);
    return new Proposal(renewal(id), current, organisation);
  }

  /**
   * Checks that the person answering belongs to the organisation whose convention is to be renewed: the
   * answer commits the member, staff cannot give it in its place.
   *
   * @throws InvalidInputException in French otherwise
   */
  public void checkMayAnswer(long renewalId, String userId) {
    Renewal renewal = renewal(renewalId);
    Convention convention = lifecycle.convention(renewal.conventionId());
    Optional<Person> person = userId == null ? Optional.empty() : accounts.personOfUser(userId);
    if (person.isEmpty() || !person.get().active() || person.get().organisationId() != convention.organisationId()) {
      throw new InvalidInputException("Seule une personne de " + lifecycle.organisationOf(convention).name()
          + " peut répondre à cette proposition de renouvellement.");
    }
    checkOpen(renewal);
  }

  /**
   * The member accepts: the renewed convention is created (status ACCEPTEE, awaiting both signatures).
   *
   * @return the renewed convention's id
   * @throws InvalidInputException in French when the proposal is closed or the convention can no longer be renewed
   */
  @Transactional
  public long accept(long renewalId, RenewalAnswer answer, String acceptedBy) {
    if (!answer.accepted()) {
      throw new IllegalArgumentException("Not an acceptance");
    }
    Renewal renewal = renewal(renewalId);
    checkOpen(renewal);
    long successorId = lifecycle.createRenewal(
        renewal.conventionId(), answer.signatoryName(), answer.signatoryRole(), answer.signatoryEmail(), acceptedBy);
    renewals.close(renewalId, RenewalStatus.ACCEPTEE, acceptedBy, ParisTime.now().toOffsetDateTime(), null, successorId);
    return successorId;
  }

  /** The member declines: the convention will end at its last day. */
  @Transactional
  public void decline(long renewalId, RenewalAnswer answer, String declinedBy) {
    Renewal renewal = renewal(renewalId);
    checkOpen(renewal);
    renewals.close(renewalId, RenewalStatus.DECLINEE, declinedBy, ParisTime.now().toOffsetDateTime(), answer.declineReason(), null);
    Convention convention = lifecycle.convention(renewal.conventionId());
    audit.record(declinedBy, "Renouvellement refusé par l'organisation", subject(convention, lifecycle.organisationOf(convention)),
        convention.organisationId(), answer.declineReason());
  }

  /** No answer came before the convention's end: the proposal lapses. */
  @Transactional
  public void expire(long renewalId) {
    Renewal renewal = renewal(renewalId);
    renewals.close(renewalId, RenewalStatus.EXPIREE, null, null, null, null);
    Convention convention = lifecycle.convention(renewal.conventionId());
    audit.record("système", "Proposition de renouvellement expirée", subject(convention, lifecycle.organisationOf(convention)),
        convention.organisationId(), "Sans réponse au " + ParisTime.formatDate(convention.lastDay()));
  }

  public Renewal renewal(long renewalId) {
    return renewals.findById(renewalId).orElseThrow(() -> new IllegalArgumentException("No renewal " + renewalId));
  }

  /** The renewals proposed for a convention, most recent first (see {@link Renewal#label()}). */
  public List<Renewal> ofConvention(long conventionId) {
    return renewals.ofConvention(conventionId);
  }

  /** The proposal awaiting the member's answer, if any. */
  public Optional<Renewal> openProposal(long conventionId) {
    return renewals.ofConvention(conventionId).stream().filter(Renewal::open).findFirst();
  }

  /** The day the proposal lapses without an answer: the day after the convention's last day (R02). */
  public static LocalDate expiresOn(Convention convention) {
    return convention.lastDay().plusDays(1);
  }

  private Optional<Convention> successorOf(Convention convention) {
    return lifecycle.ofOrganisation(convention.organisationId()).stream()
        .map(ConventionSummary::convention)
        .filter(other -> Objects.equals(other.predecessorId(), convention.id()))
        .findFirst();
  }

  private static void checkOpen(Renewal renewal) {
    if (!renewal.open()) {
      throw new InvalidInputException("Cette proposition de renouvellement est close (" + renewal.status().label().toLowerCase(java.util.Locale.FRENCH)
          + ") : elle ne peut plus recevoir de réponse.");
    }
  }

  private static String subject(Convention convention, Organisation organisation) {
    return "Convention " + convention.id() + " — " + organisation.name();
  }
}
