package fr.manche.tna.convention.amendment;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.Siret;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.Signature;
import fr.manche.tna.signature.SignatureService;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amendments to a convention (article 9): R04 either party may ask for one at any time and it becomes part
 * of the convention once both have signed; R05 the request must reach the département no later than three
 * months before the convention's end (later, it is recorded as refused; a change then goes through the renewal,
 * which the network referent proposes); R06 it
 * takes effect on the first day of the month after its last signature, unless it names a later date.
 */
@Service
public class AmendmentService {

  static final String NAMED_DATE_LABEL = "Date d'effet souhaitée (à partir du)";

  /**
   * Who asks for an amendment, and for which convention.
   *
   * @param party MEMBRE for a person of the organisation, DEPARTEMENT for the département's staff
   * @param email where the requester reads mail (may be null for staff without address)
   */
  public record Requester(String userId, Party party, String email, Organisation organisation, Convention convention) {}

  /** What the start form says (strings, checked here). */
  public record Submission(String object, String content, String namedEffectiveDate) {}

  private final AmendmentRepository repository;
  private final ConventionLifecycle lifecycle;
  private final SignatureService signatures;
  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final IdentityService identityService;
  private final AuditLog audit;

  AmendmentService(
      AmendmentRepository repository,
      ConventionLifecycle lifecycle,
      SignatureService signatures,
      OrganisationRepository organisations,
      AccountService accounts,
      IdentityService identityService,
      AuditLog audit) {
    this.repository = repository;
    this.lifecycle = lifecycle;
    this.signatures = signatures;
    this.organisations = organisations;
    this.accounts = accounts;
    this.identityService = identityService;
    this.audit = audit;
  }

  /**
   * The requester and the convention concerned. A member's person asks for their own organisation, whatever
   * SIRET the form carries; the département's staff name the organisation by its SIRET. The organisation
   * must have a signed convention covering today.
   *
   * @throws InvalidInputException in French otherwise
   */
  public Requester requester(String userId, String submittedSiret) {
    if (userId == null) {
      throw new InvalidInputException("Connectez-vous pour demander un avenant.");
    }
    Optional<Person> person = accounts.personOfUser(userId);
    Organisation organisation;
    Party party;
    String email;
    if (person.isPresent()) {
      if (!person.get().active()) {
        throw new InvalidInputException("Votre compte n'est plus actif : vous ne pouvez pas demander d'avenant.");
      }
      organisation = organisations.findById(person.get().organisationId()).orElseThrow();
      party = Party.MEMBRE;
      email = person.get().email();
    } else if (isStaff(userId)) {
      if (Inputs.optional(submittedSiret) == null) {
        throw new InvalidInputException(
            "Indiquez le numéro SIRET de l'organisation concernée : une demande du personnel du Département doit la désigner.");
      }
      String siret = Siret.normalise(submittedSiret);
      organisation = organisations.findBySiret(siret).orElseThrow(() -> new InvalidInputException(
          "Aucune organisation du réseau n'a le numéro SIRET " + siret + " : vérifiez-le."));
      party = Party.DEPARTEMENT;
      User user = identityService.createUserQuery().userId(userId).singleResult();
      email = user == null ? null : user.getEmail();
    } else {
      throw new InvalidInputException(
          "Seules les personnes d'une organisation membre et le personnel du Département peuvent demander un avenant.");
    }
    LocalDate today = ParisTime.today();
    Convention convention = lifecycle.inForceOn(organisation.id(), today).orElseThrow(() -> new InvalidInputException(
        organisation.name() + " n'a pas de convention de coopération en vigueur aujourd'hui ("
            + ParisTime.formatDate(today) + ") : un avenant ne peut modifier qu'une convention signée et en vigueur (article 9)."));
    return new Requester(userId, party, email, organisation, convention);
  }

  /**
   * Records a request received today (Paris). R05: a request received after the deadline is not an input
   * error: it is recorded as refused (status {@link AmendmentStatus#REFUSEE_HORS_DELAI}) with the reason,
   * and the member is told that a change now goes through the renewal, which the network referent proposes.
   * Received on the deadline day, it is in time.
   *
   * @throws InvalidInputException in French when the object or the content is missing or too long, or the
   *     named date is not a possible effective date
   */
  @Transactional
  public Amendment register(Requester requester, String processInstanceId, Submission submission) {
    String object = Inputs.required(submission.object(), "Objet de l'avenant", 200);
    String content = Inputs.required(submission.content(), "Contenu de l'avenant", 4000);
    Convention convention = requester.convention();
    LocalDate today = ParisTime.today();
    String lateReason = null;
    try {
      ConventionTerms.checkAmendmentRequestInTime(today, convention.lastDay());
    } catch (InvalidInputException late) {
      lateReason = late.getMessage();
    }
    LocalDate named = lateReason == null
        ? namedEffectiveDate(submission.namedEffectiveDate(), convention)
        : optionalDate(submission.namedEffectiveDate());
    AmendmentStatus status = lateReason == null ? AmendmentStatus.EN_EXAMEN : AmendmentStatus.REFUSEE_HORS_DELAI;
    long id = repository.insert(convention.id(), processInstanceId, status, requester.party(), requester.userId(), today,
        object, content, named, lateReason);
    audit.record(requester.userId(),
        lateReason == null ? "Demande d'avenant reçue" : "Demande d'avenant refusée (hors délai)",
        subject(convention, requester.organisation()), convention.organisationId(), "« " + object + " »"
            + (lateReason == null ? "" : " — " + lateReason));
    return find(id);
  }

  /**
   * The referent's answer as the review form gives it, checked against the amendment's convention (R06).
   *
   * @throws InvalidInputException in French when it is incomplete or names a date that cannot be
   */
  public AmendmentDecision decision(long amendmentId, String decision, String reason, String namedEffectiveDate) {
    return AmendmentDecision.fromSubmitted(decision, reason, namedEffectiveDate, lifecycle.convention(find(amendmentId).conventionId()));
  }

  /**
   * Records the referent's decision; an accepted amendment gets its number, in order within its convention.
   */
  @Transactional
  public Amendment decide(long amendmentId, AmendmentDecision decision, String referent) {
    Amendment amendment = find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    var now = ParisTime.now().toOffsetDateTime();
    String details;
    if (decision.accepted()) {
      int number = repository.accept(amendmentId, convention.id(), decision.namedEffectiveDate(), referent, now, decision.reason());
      details = "Avenant n° " + number + " « " + amendment.object() + " »";
    } else {
      repository.refuse(amendmentId, referent, now, decision.reason());
      details = "« " + amendment.object() + " » — " + decision.reason();
    }
    audit.record(referent, decision.accepted() ? "Avenant accepté" : "Avenant refusé",
        subject(convention, lifecycle.organisationOf(convention)), convention.organisationId(), details);
    return find(amendmentId);
  }

  /** A party refused to sign (its reason is the signature's refusal): the amendment never takes effect. */
  @Transactional
  public Amendment notSigned(long amendmentId) {
    repository.notSigned(amendmentId);
    Amendment amendment = find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    audit.record("système", "Avenant non signé", subject(convention, lifecycle.organisationOf(convention)),
        convention.organisationId(), amendment.title() + " « " + amendment.object() + " »"
            + signatures.refusal(Amendment.DOCUMENT_TYPE, amendmentId).map(refusal -> " — " + refusal.signerName() + " : " + refusal.reason()).orElse(""));
    return amendment;
  }

  /**
   * Both parties have signed (R04): the amendment takes effect on the first day of the month after the last
   * signature, or on the later date it names (R06); the signed PDF is archived. The last signature is the act
   * recorded, in that signatory's name.
   */
  @Transactional
  public Amendment apply(long amendmentId) {
    Amendment amendment = find(amendmentId);
    List<Signature> signed = signatures.signatures(Amendment.DOCUMENT_TYPE, amendmentId);
    if (signed.size() != Party.values().length) {
      throw new IllegalStateException("Amendment " + amendmentId + " is not signed by both parties");
    }
    Signature last = signed.stream().max(Comparator.comparing(Signature::signedOn)).orElseThrow();
    LocalDate effective = ConventionTerms.amendmentEffectiveDate(last.signedOn(), amendment.namedEffectiveDate());
    repository.signed(amendmentId, effective);
    signatures.archiveSigned(Amendment.DOCUMENT_TYPE, amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    audit.record(last.signerUserId(), "Avenant signé",
        subject(convention, lifecycle.organisationOf(convention)), convention.organisationId(),
        amendment.title() + " « " + amendment.object() + " », en vigueur à partir du " + ParisTime.formatDate(effective));
    return find(amendmentId);
  }

  public Amendment find(long amendmentId) {
    return repository.findById(amendmentId).orElseThrow(() -> new IllegalArgumentException("No amendment " + amendmentId));
  }

  /** The convention's amendments for its pages: numbered ones in order, then requests not numbered. */
  public List<AmendmentSummary> ofConvention(long conventionId) {
    return repository.ofConvention(conventionId).stream().map(AmendmentSummary::of).toList();
  }

  /** The signed PDF, or the draft until both have signed. */
  public Optional<ArchivedDocument> document(long amendmentId) {
    return signatures.archived(Amendment.DOCUMENT_TYPE, amendmentId, ArchivedDocument.SIGNED)
        .or(() -> signatures.archived(Amendment.DOCUMENT_TYPE, amendmentId, ArchivedDocument.DRAFT));
  }

  /** Where the requester reads mail: their person's or their staff account's address, if any. */
  public Optional<String> requesterEmail(Amendment amendment) {
    Optional<String> member = accounts.personOfUser(amendment.requestedBy()).map(Person::email);
    if (member.isPresent()) {
      return member;
    }
    User user = identityService.createUserQuery().userId(amendment.requestedBy()).singleResult();
    return Optional.ofNullable(user).map(User::getEmail).filter(email -> !email.isBlank());
  }

  /**
   * R06: reads the later effective date an amendment may name. Blank means none (the default applies).
   * Otherwise it must come after the earliest default (the first day of next month, a signature being at
   * the earliest today) and not after the convention's last day.
   *
   * @throws InvalidInputException in French otherwise
   */
  static LocalDate namedEffectiveDate(String submitted, Convention convention) {
    LocalDate named = optionalDate(submitted);
    if (named == null) {
      return null;
    }
    LocalDate earliestDefault = ConventionTerms.amendmentEffectiveDate(ParisTime.today(), null);
    if (!named.isAfter(earliestDefault)) {
      throw new InvalidInputException(
          "La date d'effet souhaitée (" + ParisTime.formatDate(named) + ") doit être postérieure au "
              + ParisTime.formatDate(earliestDefault) + " : sans date indiquée, l'avenant prend effet le premier jour du mois "
              + "qui suit sa signature (article 9), donc au plus tôt le " + ParisTime.formatDate(earliestDefault)
              + ". Laissez le champ vide si cela vous convient.");
    }
    if (named.isAfter(convention.lastDay())) {
      throw new InvalidInputException(
          "La convention s'achève le " + ParisTime.formatDate(convention.lastDay()) + " : un avenant ne peut pas prendre effet après "
              + "cette date (" + ParisTime.formatDate(named) + "). Pour la suite, c'est le renouvellement de la convention qu'il faut préparer : le référent du réseau le propose "
              + "à l'organisation avant la fin de la convention.");
    }
    return named;
  }

  private static LocalDate optionalDate(String submitted) {
    return Inputs.optional(submitted) == null ? null : ParisTime.parseDate(submitted, NAMED_DATE_LABEL);
  }

  private boolean isStaff(String userId) {
    Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    return Arrays.stream(StaffGroup.values()).anyMatch(group -> groups.contains(group.groupId()));
  }

  static String subject(Convention convention, Organisation organisation) {
    return "Convention " + convention.id() + " — " + organisation.name();
  }
}
