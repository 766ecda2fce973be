package fr.manche.tna.demo;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.PersonRole;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.time.ParisTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Accounts and organisations of the demo run (profile "demo" only; production never seeds accounts). Every
 * demo password is {@value #PASSWORD}. The first organisation has a signed convention ({@link DemoConvention}). Idempotent: a restart on the same database adds nothing.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** A demo account: login, names, e-mail, groups. */
  record Account(String id, String firstName, String lastName, String email, String role, List<String> groups) {}

  static final List<Account> STAFF =
      List.of(
          new Account("admin", "Alex", "Martin", "admin@manche.fr", "administrateur",
              List.of(StaffGroup.ADMINISTRATORS.groupId())),
          new Account("referent", "Claire", "Lemoine", "claire.lemoine@manche.fr", "référente du réseau",
              List.of(StaffGroup.NETWORK_REFERENTS.groupId())),
          new Account("materiel", "Hugo", "Lebrun", "hugo.lebrun@manche.fr", "gestionnaire du matériel",
              List.of(StaffGroup.EQUIPMENT_MANAGERS.groupId())),
          new Account("signataire", "Anne", "Duval", "anne.duval@manche.fr", "signataire (délégation du Président)",
              List.of(StaffGroup.SIGNATORIES.groupId())));

  /** Two member organisations, each with its group and one facilitator. */
  static final List<Organisation> ORGANISATIONS =
      List.of(
          new Organisation(null, "Commune de Villedieu-les-Poêles-Rouffigny", LegalForm.COLLECTIVITE_TERRITORIALE,
              "21500639500010", "Place de la République, 50800 Villedieu-les-Poêles-Rouffigny",
              "Médiathèque municipale : espace public numérique de 8 postes",
              "Julie Hamel", "julie.hamel@villedieu.example.fr", "membre-villedieu"),
          new Organisation(null, "Association Les Connectés du Cotentin", LegalForm.ASSOCIATION,
              "81234567800013", "12 rue des Tanneries, 50100 Cherbourg-en-Cotentin",
              "Local associatif : ateliers d'initiation au numérique pour tous",
              "Karim Benali", "karim.benali@connectes-cotentin.example.org", "membre-connectes-cotentin"));

  /** One facilitator per organisation (same order as {@link #ORGANISATIONS}); logins julie.hamel, karim.benali. */
  static final List<String[]> MEMBERS =
      List.of(
          new String[] {"Julie", "Hamel", "julie.hamel@villedieu.example.fr"},
          new String[] {"Karim", "Benali", "karim.benali@connectes-cotentin.example.org"});

  private final IdentityService identityService;
  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final DemoConvention demoConvention;

  DemoData(IdentityService identityService, OrganisationRepository organisations, AccountService accounts, DemoConvention demoConvention) {
    this.demoConvention = demoConvention;
    this.identityService = identityService;
    this.organisations = organisations;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    STAFF.forEach(this::saveAccount);
    for (int i = 0; i < ORGANISATIONS.size(); i++) {
      Organisation organisation = ORGANISATIONS.get(i);
      if (organisations.findBySiret(organisation.siret()).isPresent()) {
        continue;
      }
      long id = organisations.insert(organisation, ParisTime.now().toOffsetDateTime());
      organisations.setStatus(id, "MEMBER");
      String[] member = MEMBERS.get(i);
      Person person = accounts.addPerson(id, member[0], member[1], member[2], PersonRole.ANIMATEUR.name(), "demo");
      User user = identityService.createUserQuery().userId(person.userId()).singleResult();
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      LOG.info("Compte de démonstration créé : {} ({})", person.userId(), organisation.name());
      if (i == 0) {
        demoConvention.sign(organisations.findById(id).orElseThrow(), person);
        LOG.info("Convention de démonstration signée : {}", organisation.name());
      }
    }
  }

  private void saveAccount(Account account) {
    if (identityService.createUserQuery().userId(account.id()).count() > 0) {
      return;
    }
    User user = identityService.newUser(account.id());
    user.setFirstName(account.firstName());
    user.setLastName(account.lastName());
    user.setEmail(account.email());
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    account.groups().forEach(groupId -> identityService.createMembership(account.id(), groupId));
    LOG.info("Compte de démonstration créé : {} ({})", account.id(), account.role());
  }
}
