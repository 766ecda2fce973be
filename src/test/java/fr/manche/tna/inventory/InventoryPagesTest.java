package fr.manche.tna.inventory;

import static fr.manche.tna.test.WebClient.csrf;
import static fr.manche.tna.test.WebClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalogue's pages (equipment managers change it, other staff read it, members are refused) and the
 * availability page (members and staff), all in the shared layout; bad input gets a French message next to its field.
 */
@ApplicationTest
class InventoryPagesTest {

  static final String PASSWORD = "un mot de passe assez long";
  static final String MANAGER = "inventaire.gestionnaire";
  static final String REFERENT = "inventaire.referent";
  static final String MULTIPART = "multipart/form-data; boundary=----inventaire";
  static final String LAYOUT = "data-layout=\"reseau-tna\"";

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired Catalogue catalogue;
  @Autowired Availability availability;

  EquipmentType tablets;
  Item tabletCase;
  String member;

  @BeforeEach
  void people() {
    driver.ensureStaff(MANAGER, "inventaire.gestionnaire@manche.fr", "tna-gestionnaires-materiel");
    driver.ensureStaff(REFERENT, "inventaire.referent@manche.fr", "tna-referents-reseau");
    setPassword(MANAGER);
    setPassword(REFERENT);
    long organisationId = organisations.insert(
        new Organisation(null, "Centre social de Saint-Lô", LegalForm.ASSOCIATION, TestSirets.next(), "50000 Saint-Lô",
            null, "Léa Marie", "lea@saint-lo.example.fr", null),
        OffsetDateTime.now());
    member = accounts.addPerson(organisationId, "Léa", "Marie" + System.nanoTime(),
        "lea" + System.nanoTime() + "@saint-lo.example.fr", "ANIMATEUR", "test").userId();
    setPassword(member);
    tablets = InventoryFixtures.type(catalogue, "Valise de tablettes");
    tabletCase = InventoryFixtures.item(catalogue, tablets, "Tablette 1", "Tablette 2", "Chargeur multiple");
  }

  @Test
  void anEquipmentManagerAddsAnItemAndBadInputIsShownNextToItsField() {
    WebClient manager = login(MANAGER);
    HttpResponse<String> list = manager.get("/materiel");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(LAYOUT).contains(tablets.name()).contains(tabletCase.inventoryNumber())
        .contains("Ajouter un matériel");
    String csrf = csrf(manager.get("/materiel/nouveau").body());

    HttpResponse<String> refused = manager.post("/materiel/nouveau", "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&numeroInventaire=" + enc(tabletCase.inventoryNumber()) + "&numeroSerie=&type="
            + enc(tablets.name()) + "&accessoires=&statut=Disponible&notes=", false);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains(LAYOUT)
        .contains("<small id=\"numeroSerie-erreur\">Le champ « Numéro de série » est obligatoire.</small>")
        .contains("id=\"numeroInventaire-erreur\">Le numéro d&#39;inventaire « " + tabletCase.inventoryNumber()
            + " » est déjà celui d&#39;un autre matériel");
    assertThat(catalogue.itemsOfType(tablets.id())).hasSize(1);

    String number = InventoryFixtures.unique("TAB-");
    HttpResponse<String> created = manager.post("/materiel/nouveau", "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&numeroInventaire=" + number + "&numeroSerie=SN-9&type=" + enc(tablets.name())
            + "&accessoires=" + enc("Tablette 1\nTablette 2") + "&statut=" + enc("En maintenance") + "&notes=", false);
    assertThat(created.statusCode()).isEqualTo(302);
    Item item = catalogue.itemNumbered(number).orElseThrow();
    assertThat(item.status()).isEqualTo(ItemStatus.IN_MAINTENANCE);
    assertThat(item.accessories()).containsExactly("Tablette 1", "Tablette 2");

    assertThat(manager.post("/materiel/" + item.id() + "/statut", "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&statut=RETIRED", false).statusCode()).isEqualTo(302);
    assertThat(catalogue.item(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.RETIRED);
    assertThat(manager.get("/materiel/" + item.id()).body()).contains(LAYOUT).contains("Matériel n° " + number);
  }

  @Test
  void theCsvImportRefusesAFileWithErrorsRowByRowAndImportsAGoodOne() {
    WebClient manager = login(MANAGER);
    String csrf = csrf(manager.get("/materiel").body());
    String number = InventoryFixtures.unique("TAB-");
    String header = "Numéro d'inventaire;Numéro de série;Type;Accessoires;Statut;Notes\r\n";

    manager.post("/materiel/import?_csrf=" + csrf, MULTIPART, multipart(header + number + ";SN;Inconnu;;Disponible;\r\n"), false);
    String page = manager.get("/materiel").body();
    assertThat(page).contains("Fichier refusé : rien n'a été importé.").contains("Ligne 2 : Le type « Inconnu »");
    assertThat(catalogue.itemNumbered(number)).isEmpty();

    HttpResponse<String> imported = manager.post("/materiel/import?_csrf=" + csrf, MULTIPART,
        multipart(header + number + ";SN;" + tablets.name() + ";Tablette | Chargeur;Disponible;\r\n"), false);
    assertThat(imported.statusCode()).isEqualTo(302);
    assertThat(manager.get("/materiel").body()).contains("Import réussi : 1 matériel ajouté, 0 mis à jour.");
    assertThat(catalogue.itemNumbered(number).orElseThrow().accessories()).containsExactly("Tablette", "Chargeur");

    HttpResponse<String> export = manager.get("/materiel/export");
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(export.body()).contains(number + ";SN;" + tablets.name() + ";Tablette | Chargeur;Disponible;");
  }

  @Test
  void otherStaffReadTheCatalogueAndAMemberIsRefused() {
    WebClient referent = login(REFERENT);
    assertThat(referent.get("/materiel").body()).contains(tabletCase.inventoryNumber()).doesNotContain("Ajouter un matériel");
    String csrf = csrf(referent.get("/materiel/" + tabletCase.id()).body());
    HttpResponse<String> refused = referent.post("/materiel/types", "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&nom=Imprimante+3D", false);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains(LAYOUT).contains("Accès refusé");
    assertThat(catalogue.typeNamed("Imprimante 3D")).isEmpty();

    WebClient memberClient = login(member);
    for (String path : new String[] {"/materiel", "/materiel/nouveau", "/materiel/" + tabletCase.id(), "/materiel/export"}) {
      HttpResponse<String> page = memberClient.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(403);
      assertThat(page.body()).as(path).contains(LAYOUT).contains("Accès refusé");
    }
  }

  @Test
  void aMemberSeesWhichDaysAreFreeByTypeAndByItem() {
    java.time.LocalDate today = ParisTime.today();
    availability.reserve(tabletCase.id(), today.plusDays(2), today.plusDays(4), ReservationKind.LOAN, "test");
    WebClient memberClient = login(member);

    HttpResponse<String> page = memberClient.get("/disponibilites?type=" + tablets.id());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(LAYOUT).contains("<h2>" + tablets.name() + "</h2>")
        .contains("n° " + tabletCase.inventoryNumber())
        .contains("aria-label=\"" + ParisTime.formatDate(today.plusDays(3)) + " : réservé\"")
        .contains("aria-label=\"" + ParisTime.formatDate(today.plusDays(5)) + " : libre\"")
        .contains("aria-label=\"" + ParisTime.formatDate(today.plusDays(3)) + " : 0 libre sur 1\"")
        .contains("Lot : Tablette 1, Tablette 2, Chargeur multiple.");
    assertThat(new WebClient(port).get("/disponibilites").statusCode()).isEqualTo(401);
    assertThat(login(REFERENT).get("/disponibilites").statusCode()).isEqualTo(200);
  }

  private WebClient login(String user) {
    return WebClient.loggedIn(port, user, PASSWORD);
  }

  private static String boundary() {
    return "----inventaire";
  }

  /** A multipart body holding the file under the name « fichier », as a browser sends it. */
  private static String multipart(String csv) {
    return "--" + boundary() + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"catalogue.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary() + "--\r\n";
  }

  private void setPassword(String userId) {
    driver.setPassword(userId, PASSWORD);
  }
}
