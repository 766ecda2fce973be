package fr.manche.tna.membership;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.security.Secrets;
import fr.manche.tna.platform.time.ParisTime;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of the members' people. An account is created without a usable password: its owner sets one
 * through a one-time link sent by mail ({@link PasswordTokens}); no password ever travels in a mail. Each
 * person belongs to their organisation's group (what they may see) and to {@value #ALL_MEMBERS_GROUP} (what
 * every member may do).
 */
@Service
public class AccountService {

  /** Every member's people: may use Tasklist and start the member processes. */
  public static final String ALL_MEMBERS_GROUP = "tna-membres";

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final IdentityService identityService;
  private final PersonRepository people;
  private final OrganisationRepository organisations;
  private final AuditLog audit;
  private final Directory directory;

  AccountService(
      IdentityService identityService,
      PersonRepository people,
      OrganisationRepository organisations,
      AuditLog audit,
      Directory directory) {
    this.identityService = identityService;
    this.directory = directory;
    this.people = people;
    this.organisations = organisations;
    this.audit = audit;
  }

  /**
   * Adds a person to a member organisation with an account that has no known password yet.
   *
   * @param actor login of the staff member who adds the person
   * @throws InvalidInputException in French when a field is missing or the e-mail is already used
   */
  @Transactional
  public Person addPerson(long organisationId, String firstName, String lastName, String email, String role, String actor) {
    Organisation organisation =
        organisations.findById(organisationId).orElseThrow(() -> new InvalidInputException("Organisation inconnue."));
    String first = Inputs.required(firstName, "Prénom", 100);
    String last = Inputs.required(lastName, "Nom", 100);
    String address = Inputs.required(email, "Courriel", 320);
    if (!EMAIL.matcher(address).matches()) {
      throw new InvalidInputException("L'adresse électronique « " + address + " » n'est pas valide.");
    }
    PersonRole personRole = parseRole(role);
    if (people.findByEmail(address).isPresent()) {
      throw new InvalidInputException("Une personne utilise déjà l'adresse " + address + ".");
    }
    String groupId = ensureMemberGroup(organisation);
    String userId = freeUserId(first, last);
    User user = identityService.newUser(userId);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(address);
    user.setPassword(Secrets.random());
    identityService.saveUser(user);
    directory.ensureGroup(ALL_MEMBERS_GROUP, "Membres du réseau", "MEMBER");
    identityService.createMembership(userId, ALL_MEMBERS_GROUP);
    identityService.createMembership(userId, groupId);
    Person person = new Person(null, organisationId, first, last, address, personRole, userId, true);
    long id = people.insert(person, ParisTime.now().toOffsetDateTime());
    audit.record(actor, "Compte créé", personRole.label() + " " + first + " " + last + " (" + userId + ")",
        organisationId, organisation.name());
    return new Person(id, organisationId, first, last, address, personRole, userId, true);
  }

  /**
   * Deactivates a person: they can no longer log in nor see their organisation's work. Their history stays.
   */
  @Transactional
  public void deactivate(long personId, String actor) {
    Person person = people.findById(personId).orElseThrow(() -> new InvalidInputException("Personne inconnue."));
    if (person.userId() != null) {
      identityService.createGroupQuery().groupMember(person.userId()).list()
          .forEach(group -> identityService.deleteMembership(person.userId(), group.getId()));
      User user = identityService.createUserQuery().userId(person.userId()).singleResult();
      if (user != null) {
        user.setPassword(Secrets.random());
        identityService.saveUser(user);
      }
    }
    people.deactivate(personId);
    audit.record(actor, "Compte désactivé", person.fullName() + " (" + person.userId() + ")", person.organisationId(), null);
  }

  public List<Person> peopleOf(long organisationId) {
    return people.findByOrganisation(organisationId);
  }

  public Person person(long personId) {
    return people.findById(personId).orElseThrow(() -> new IllegalArgumentException("No person " + personId));
  }

  /** The person behind a login, if it is a member's account. */
  /** The person who has this e-mail address, whatever their organisation. */
  public java.util.Optional<Person> personWithEmail(String email) {
    return people.findByEmail(email);
  }

  public java.util.Optional<Person> personOfUser(String userId) {
    return people.findByUserId(userId);
  }

  /** The organisation's group, created at its first account. */
  String ensureMemberGroup(Organisation organisation) {
    String groupId = organisation.tenantId();
    directory.ensureGroup(groupId, organisation.name(), "MEMBER");
    directory.ensureTenant(groupId, organisation.name());
    if (organisation.memberGroupId() == null) {
      organisations.setMemberGroup(organisation.id(), groupId);
    }
    return groupId;
  }


  private String freeUserId(String first, String last) {
    String base = (ascii(first) + "." + ascii(last)).replaceAll("[^a-z0-9.]", "").replaceAll("\\.+", ".");
    String candidate = base;
    for (int n = 2; identityService.createUserQuery().userId(candidate).count() > 0; n++) {
      candidate = base + n;
    }
    return candidate;
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replace(' ', '-').replace('-', '.');
  }

  private static PersonRole parseRole(String role) {
    try {
      return PersonRole.valueOf(Inputs.required(role, "Rôle"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Choisissez un rôle : signataire, référent ou animateur.");
    }
  }

}
