package fr.manche.tna.signature;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.PersonRole;
import fr.manche.tna.membership.AccountInvitations;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signature of a convention or an amendment by both parties, in either order (R02, R04): the draft is
 * archived and sent, the member's signatory gets an account if they have none, each signature records the
 * signer's name, capacity and Paris date, and the signed PDF is archived as sent.
 */
@Service
public class SignatureService {

  /**
   * Who signs: the member's signatory (with the login that signs in Tasklist, null when the member does not
   * sign) and the staff group that signs for the département (null when it does not sign).
   */
  public record Prepared(String memberSignatoryUserId, String memberGroupId, String departmentGroupId) {

    public boolean memberSigns() {
      return memberSignatoryUserId != null;
    }

    public boolean departmentSigns() {
      return departmentGroupId != null;
    }
  }

  private final Map<DocumentType, SignableDocument> documents;
  private final SignatureRepository repository;
  private final AccountService accounts;
  private final AccountInvitations invitations;
  private final OrganisationRepository organisations;
  private final AuditLog audit;
  private final IdentityService identities;

  SignatureService(
      List<SignableDocument> documents,
      SignatureRepository repository,
      AccountService accounts,
      AccountInvitations invitations,
      OrganisationRepository organisations,
      AuditLog audit,
      IdentityService identities) {
    this.documents = documents.stream().collect(Collectors.toMap(SignableDocument::type, Function.identity()));
    this.repository = repository;
    this.accounts = accounts;
    this.invitations = invitations;
    this.organisations = organisations;
    this.audit = audit;
    this.identities = identities;
  }

  public Signing signing(DocumentType type, long documentId) {
    return document(type).signing(documentId);
  }

  /** The kind of document of that name ({@code CONVENTION}, or {@code convention} as in its address), if one is signed here. */
  public Optional<DocumentType> documentType(String name) {
    return documents.keySet().stream().filter(type -> type.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Who a person is when they sign, as far as the application knows: the name of their account and the capacity
   * they gave at their last signature for that party (a département's signatory signs every convention in the
   * same capacity). Without a person (a task nobody has taken yet), the last one who signed for that party. Empty
   * values when unknown.
   */
  public Signatory knownSignatory(Party party, String userId) {
    if (userId == null) {
      return repository.lastSignatoryOf(party).orElse(new Signatory("", ""));
    }
    org.camunda.bpm.engine.identity.User user = identities.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : (nonNull(user.getFirstName()) + " " + nonNull(user.getLastName())).strip();
    return new Signatory(name, repository.lastRoleOf(party, userId).orElse(""));
  }

  /** A signatory's name and capacity, as the signature form asks them. */
  public record Signatory(String name, String role) {}

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  /**
   * Archives the draft and makes sure the member's signatory can log in: a person of the organisation with
   * that e-mail signs with their account; otherwise one is created (role signatory) and invited to choose
   * a password.
   *
   * @throws InvalidInputException in French when the signatory's e-mail belongs to another organisation
   */
  @Transactional
  public Prepared prepare(DocumentType type, long documentId, String actor) {
    SignableDocument document = document(type);
    Signing signing = document.signing(documentId);
    Person signatory = !document.parties().contains(Party.MEMBRE) ? null : invitations.personWithAccount(
        signing.organisationId(), signing.memberSignatoryName(), signing.memberSignatoryEmail(), PersonRole.SIGNATAIRE, actor);
    repository.archive(
        new ArchivedDocument(type, documentId, ArchivedDocument.DRAFT, signing.fileName() + "-a-signer.pdf",
            document(type).render(documentId, List.of())),
        ParisTime.now().toOffsetDateTime());
    String groupId = organisations.findById(signing.organisationId()).orElseThrow().memberGroupId();
    return new Prepared(
        signatory == null ? null : signatory.userId(),
        groupId,
        document.parties().contains(Party.DEPARTEMENT) ? document.departmentSignatories().groupId() : null);
  }

  /**
   * Records one party's signature, dated today in Paris.
   *
   * @throws InvalidInputException in French when the confirmation, the name or the capacity is missing, or
   *     when that party has already signed
   */
  @Transactional
  public Signature sign(DocumentType type, long documentId, Party party, String userId, Object confirmed, String name, String role) {
    ensureMaySign(type, documentId, party, userId);
    if (!Boolean.TRUE.equals(confirmed) && !"true".equals(String.valueOf(confirmed))) {
      throw new InvalidInputException("Cochez « J'ai lu le document et je le signe » pour signer.");
    }
    Signature signature =
        new Signature(party, userId, Inputs.required(name, "Votre nom", 200), Inputs.required(role, "Votre qualité", 200), ParisTime.today());
    if (!repository.insert(type, documentId, signature, ParisTime.now().toOffsetDateTime())) {
      throw new InvalidInputException("Ce document est déjà signé " + party.label() + ".");
    }
    Signing signing = signing(type, documentId);
    audit.record(userId, "Document signé", signing.title() + " — " + party.label(), signing.organisationId(),
        signature.signerName() + ", " + signature.signerRole());
    return signature;
  }

  /**
   * Records one party's refusal to sign, with its reason: the document will not be signed.
   *
   * @throws InvalidInputException in French when the reason is missing
   */
  @Transactional
  public SignatureRefusal refuse(DocumentType type, long documentId, Party party, String userId, String name, String reason) {
    ensureMaySign(type, documentId, party, userId);
    SignatureRefusal refusal = new SignatureRefusal(party, userId, Inputs.required(name, "Votre nom", 200),
        Inputs.required(reason, "Motif du refus de signer", 2000), ParisTime.now().toOffsetDateTime());
    repository.insertRefusal(type, documentId, refusal);
    Signing signing = signing(type, documentId);
    audit.record(userId, "Signature refusée", signing.title() + " — " + party.label(), signing.organisationId(),
        refusal.signerName() + " : " + refusal.reason());
    return refusal;
  }

  /** The refusal that stopped the signature of the document, if any. */
  public Optional<SignatureRefusal> refusal(DocumentType type, long documentId) {
    return repository.refusalOf(type, documentId);
  }

  public List<Signature> signatures(DocumentType type, long documentId) {
    return repository.signaturesOf(type, documentId);
  }

  /** Renders the document with both signatures and archives it as the signed original. */
  @Transactional
  public ArchivedDocument archiveSigned(DocumentType type, long documentId) {
    List<Signature> signatures = signatures(type, documentId);
    if (signatures.size() != document(type).parties().size()) {
      throw new IllegalStateException(type + " " + documentId + " is not signed by every party");
    }
    ArchivedDocument signed =
        new ArchivedDocument(type, documentId, ArchivedDocument.SIGNED, signing(type, documentId).fileName() + "-signee.pdf",
            document(type).render(documentId, signatures));
    repository.archive(signed, ParisTime.now().toOffsetDateTime());
    return signed;
  }

  /** The archived draft or signed PDF. */
  public Optional<ArchivedDocument> archived(DocumentType type, long documentId, String version) {
    return repository.find(type, documentId, version);
  }

  private SignableDocument document(DocumentType type) {
    SignableDocument document = documents.get(type);
    if (document == null) {
      throw new IllegalStateException("No signable document of type " + type);
    }
    return document;
  }

  /**
   * Only the signatory the organisation named signs (or refuses to sign) for it, and only the département's
   * staff group that signs this kind of document for the département (R02, R04), whatever the process
   * variables say about the document; a party that does not sign this kind of document signs nothing.
   *
   * @throws InvalidInputException in French otherwise
   */
  private void ensureMaySign(DocumentType type, long documentId, Party party, String userId) {
    SignableDocument document = document(type);
    Signing signing = document.signing(documentId);
    if (!document.parties().contains(party)) {
      throw new InvalidInputException("Ce document ne se signe pas " + party.label() + ".");
    }
    if (party == Party.MEMBRE) {
      boolean named = userId != null && accounts.personOfUser(userId)
          .filter(person -> person.active() && person.organisationId() == signing.organisationId()
              && person.email().equalsIgnoreCase(signing.memberSignatoryEmail()))
          .isPresent();
      if (!named) {
        throw new InvalidInputException("Seul le signataire désigné par l'organisation peut signer pour elle.");
      }
    } else if (userId == null
        || identities.createUserQuery().userId(userId).memberOfGroup(document.departmentSignatories().groupId()).count() == 0) {
      throw new InvalidInputException("Seuls les membres du groupe « " + document.departmentSignatories().label()
          + " » signent ce document pour le Département.");
    }
  }
}
