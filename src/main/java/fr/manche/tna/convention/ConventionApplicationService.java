package fr.manche.tna.convention;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Siret;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications for a cooperation convention: registration (R01 checks) and the referent's decision. */
@Service
public class ConventionApplicationService {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final OrganisationRepository organisations;
  private final ConventionRepository conventions;
  private final AuditLog audit;
  private final AccountService accounts;

  ConventionApplicationService(
      OrganisationRepository organisations, ConventionRepository conventions, AuditLog audit, AccountService accounts) {
    this.accounts = accounts;
    this.organisations = organisations;
    this.conventions = conventions;
    this.audit = audit;
  }

  /**
   * Checks an application and records it, with its organisation if new.
   *
   * @return the new convention's id
   * @throws InvalidInputException in French when the application is incomplete or the organisation cannot
   *     sign (R01), or when it already has an application under review
   */
  @Transactional
  public long register(ConventionApplication application, String processInstanceId) {
    Organisation submitted = checked(application, null);
    OffsetDateTime now = ParisTime.now().toOffsetDateTime();
    long organisationId =
        organisations.findBySiret(submitted.siret()).map(Organisation::id).orElseGet(() -> organisations.insert(submitted, now));
    ConventionRepository.Signatory signatory = signatory(application);
    conventions.openConventionOf(organisationId, ParisTime.today()).ifPresent(open -> {
      throw new InvalidInputException(
          switch (open.status()) {
            case SIGNEE -> "Cette organisation (SIRET " + submitted.siret() + ") a déjà une convention, en vigueur jusqu'au "
                + ParisTime.formatDate(open.lastDay()) + " : proposez-lui plutôt son renouvellement.";
            case ACCEPTEE -> "La convention de cette organisation (SIRET " + submitted.siret()
                + ") est déjà acceptée et attend ses signatures.";
            default -> "Une demande de convention de cette organisation (SIRET " + submitted.siret()
                + ") est déjà en cours d'examen : attendez sa décision avant d'en déposer une autre.";
          });
    });
    checkSignatoryOf(organisationId, signatory);
    return conventions.insertApplication(organisationId, processInstanceId, now, signatory);
  }

  /**
   * Records the completed application (after the referent asked for more information) and puts it back
   * under review, with the same checks as a new one (R01).
   */
  @Transactional
  public void complete(long conventionId, ConventionApplication application) {
    Convention convention = convention(conventionId);
    Organisation completed = checked(application, convention.organisationId());
    organisations.findBySiret(completed.siret())
        .filter(other -> other.id() != convention.organisationId())
        .ifPresent(other -> {
          throw new InvalidInputException("Le SIRET " + completed.siret() + " est déjà celui de " + other.name() + ".");
        });
    ConventionRepository.Signatory signatory = signatory(application);
    checkSignatoryOf(convention.organisationId(), signatory);
    organisations.update(completed);
    conventions.updateSignatory(conventionId, signatory);
    conventions.backToReview(conventionId);
  }

  /** Records the network referent's decision on an application under review. */
  @Transactional
  public void recordDecision(long conventionId, ReviewDecision decision, String reviewer) {
    conventions.recordDecision(
        conventionId,
        decision.outcome(),
        ParisTime.now().toOffsetDateTime(),
        reviewer,
        decision.reason(),
        decision.welcomeMeeting() == null ? null : decision.welcomeMeeting().toOffsetDateTime());
    Convention convention = convention(conventionId);
    audit.record(
        reviewer,
        switch (decision.outcome()) {
          case ACCEPTEE -> "Demande de convention acceptée";
          case REFUSEE -> "Demande de convention refusée";
          default -> "Compléments demandés pour la demande de convention";
        },
        "Convention " + conventionId + " — " + organisationOf(convention).name(),
        convention.organisationId(),
        decision.reason());
  }

  /** The legal form of an applicant who is none of the three allowed ones (R01): its application is refused. */
  public static final String OTHER_LEGAL_FORM = "AUTRE";

  /**
   * R01: an application by an organisation that cannot sign (legal form "other") is not registered: it is
   * refused with the reason, which the process mails to its contact. Its name and contact are still checked,
   * so that the refusal reaches someone.
   *
   * @return the reason of the refusal, or empty when the legal form is one of the three allowed ones
   */
  public Optional<String> ineligibility(ConventionApplication application, String actor) {
    if (!OTHER_LEGAL_FORM.equals(application.legalForm())) {
      return Optional.empty();
    }
    String name = Inputs.required(application.organisationName(), "Nom de l'organisation", 200);
    Inputs.required(application.contactName(), "Nom du contact référent", 200);
    email(application.contactEmail(), "Courriel du contact référent");
    String reason = "Seules peuvent signer la convention de coopération (article 2 de la convention) : "
        + LegalForm.allowedLabels() + ". " + name + " n'a pas l'une de ces formes juridiques : sa demande ne peut pas être retenue.";
    audit.record(actor == null ? "système" : actor, "Demande de convention non recevable (R01)", name, null, reason);
    return Optional.of(reason);
  }

  /**
   * The signatory signs with an account of the organisation: an e-mail address already used by a person of
   * another organisation cannot be theirs.
   */
  private void checkSignatoryOf(long organisationId, ConventionRepository.Signatory signatory) {
    accounts.personWithEmail(signatory.email())
        .filter(person -> person.organisationId() != organisationId)
        .ifPresent(person -> {
          throw new InvalidInputException("L'adresse " + signatory.email()
              + " est celle d'une personne d'une autre organisation : indiquez l'adresse du signataire de cette organisation.");
        });
  }

  /** The person who will sign for the organisation: name, capacity and e-mail (to sign in Tasklist). */
  private static ConventionRepository.Signatory signatory(ConventionApplication application) {
    String email = email(application.memberSignatoryEmail(), "Courriel du signataire");
    return new ConventionRepository.Signatory(
        Inputs.required(application.memberSignatoryName(), "Nom du signataire", 200),
        Inputs.required(application.memberSignatoryRole(), "Qualité du signataire", 200),
        email);
  }

  static String email(String submitted, String label) {
    String email = Inputs.required(submitted, label, 320);
    if (!EMAIL.matcher(email).matches()) {
      throw new InvalidInputException("L'adresse électronique « " + email + " » n'est pas valide (exemple : nom@commune.fr).");
    }
    return email;
  }

  /** R01 and the form's rules, checked on the server: what the organisation would be. */
  private static Organisation checked(ConventionApplication application, Long organisationId) {
    LegalForm legalForm = LegalForm.fromSubmitted(application.legalForm());
    String siret = Siret.normalise(application.siret());
    String contactEmail = email(application.contactEmail(), "Courriel du contact référent");
    return new Organisation(
        organisationId,
        Inputs.required(application.organisationName(), "Nom de l'organisation", 200),
        legalForm,
        siret,
        Inputs.required(application.address(), "Adresse", 500),
        Inputs.optional(application.venueDescription(), "Lieu de médiation numérique", 2000),
        Inputs.required(application.contactName(), "Nom du contact référent", 200),
        contactEmail,
        null);
  }

  /** Every convention, for the staff's list. */
  public java.util.List<ConventionSummary> summaries() {
    return conventions.summaries();
  }

  public Convention convention(long conventionId) {
    return conventions
        .findById(conventionId)
        .orElseThrow(() -> new IllegalArgumentException("No convention " + conventionId));
  }

  public Organisation organisationOf(Convention convention) {
    return organisations
        .findById(convention.organisationId())
        .orElseThrow(() -> new IllegalStateException("No organisation " + convention.organisationId()));
  }
}
