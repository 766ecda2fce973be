package fr.manche.tna.steering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.handover.LoanReports;
import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.steering.Figures.Breakdown;
import fr.manche.tna.steering.Figures.Count;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.PdfText;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Issue 12, item 3 (R24): from a known set of loan reports, filed through {@code LoanReports.file} on returned loans
 * of two members, two half-years and two equipment types (and one the year before, which must not count), the
 * service, the staff's page (tables and SVG charts), its CSV and its PDF pack all give the figures computed by hand
 * below; a member sees only their organisation's, whatever the parameters; a bad filter gets its French message.
 *
 * <pre>
 *  report  member  returned     items           actions                 audiences (people)              appreciation
 *  R1      A       10/03/2057   casque          séances 3, ateliers 1   scolaires 60, enseignants 4     très satisfait
 *  R2      A       30/06/2057   casque, tablette événements 2           tout public 120, seniors 15     satisfait
 *  R3      B       01/07/2057   tablette        séances 5, mises 1      demandeurs 12, seniors 8        très satisfait
 *  R4      B       20/11/2057   tablette        ateliers 4              scolaires 25, autres 3          peu satisfait
 *  R5      A       31/12/2056   casque          séances 9               tout public 50                  pas satisfait
 * </pre>
 * Year 2057 (no other test uses it): 4 reports; actions séances 8, ateliers 5, mises à disposition 1, événements 2
 * (16); people scolaires 85, demandeurs d'emploi 12, enseignants 4, seniors 23, tout public 120, autres 3 (247);
 * appreciation 2 très satisfait, 1 satisfait, 1 peu satisfait, 0 pas satisfait. 1st half: 2 reports, 6 actions, 199
 * people; 2nd half: 2, 10, 48. Member A: 2, 6, 199; member B: 2, 10, 48. Casque (R1, R2): 2, 6, 199; tablette (R2,
 * R3, R4): 3, 12, 183.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest {

  static final int YEAR = 2057;
  static final String PASSWORD = "un mot de passe assez long";
  static final String STAFF = "indicateurs.staff";

  @LocalServerPort int port;
  @Autowired Indicators indicators;
  @Autowired LoanReports reports;
  @Autowired LoanFixtures loans;
  @Autowired Catalogue catalogue;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;

  long memberA;
  long memberB;
  String nameA;
  String nameB;
  String userA;
  String headset;
  String tablet;
  long headsetTypeId;
  long tabletTypeId;

  @BeforeAll
  void knownReports() {
    TestMailServer.ensureUp();
    long run = System.nanoTime() % 1_000_000;
    nameA = "Médiathèque de Pontorson " + run;
    nameB = "Bibliothèque de Brécey " + run;
    memberA = organisation(nameA);
    memberB = organisation(nameB);
    userA = accounts.addPerson(memberA, "Lucie", "Marie" + run, "lucie" + run + "@pontorson.example.fr", "ANIMATEUR",
        "test").userId();
    String userB = accounts.addPerson(memberB, "Paul", "Hébert" + run, "paul" + run + "@brecey.example.fr", "ANIMATEUR",
        "test").userId();
    setPassword(userA);
    driver.ensureStaff(STAFF, "indicateurs.staff@manche.fr", "tna-referents-reseau");
    setPassword(STAFF);

    headset = "Casque de réalité virtuelle " + run;
    tablet = "Tablette " + run;
    Item headset1 = loans.item(headset);
    Item headset2 = loans.item(headset);
    Item headset3 = loans.item(headset);
    Item tablet1 = loans.item(tablet);
    Item tablet2 = loans.item(tablet);
    headsetTypeId = catalogue.typeNamed(headset).orElseThrow().id();
    tabletTypeId = catalogue.typeNamed(tablet).orElseThrow().id();

    file(memberA, userA, LocalDate.of(YEAR, 3, 10), List.of(headset1),
        Map.of(ReportCategory.SEANCE, 3, ReportCategory.ATELIER, 1, ReportCategory.SCOLAIRES, 60,
            ReportCategory.ENSEIGNANTS, 4), Appreciation.TRES_SATISFAIT);
    file(memberA, userA, LocalDate.of(YEAR, 6, 30), List.of(headset2, tablet1),
        Map.of(ReportCategory.EVENEMENT, 2, ReportCategory.TOUT_PUBLIC, 120, ReportCategory.SENIORS, 15),
        Appreciation.SATISFAIT);
    file(memberB, userB, LocalDate.of(YEAR, 7, 1), List.of(tablet1),
        Map.of(ReportCategory.SEANCE, 5, ReportCategory.MISE_A_DISPOSITION, 1, ReportCategory.DEMANDEURS_EMPLOI, 12,
            ReportCategory.SENIORS, 8), Appreciation.TRES_SATISFAIT);
    file(memberB, userB, LocalDate.of(YEAR, 11, 20), List.of(tablet2),
        Map.of(ReportCategory.ATELIER, 4, ReportCategory.SCOLAIRES, 25, ReportCategory.AUTRE, 3),
        Appreciation.PEU_SATISFAIT);
    file(memberA, userA, LocalDate.of(YEAR - 1, 12, 31), List.of(headset3),
        Map.of(ReportCategory.SEANCE, 9, ReportCategory.TOUT_PUBLIC, 50), Appreciation.PAS_SATISFAIT);
  }

  @Test
  void theServiceAddsUpTheReportsAsComputedByHand() {
    Figures year = indicators.figures(new Indicators.Query(IndicatorPeriod.year(YEAR), null, null));
    assertThat(year.reports()).isEqualTo(4);
    assertThat(numbers(year.actions())).containsExactly(8L, 5L, 1L, 2L);
    assertThat(year.totalActions()).isEqualTo(16);
    assertThat(numbers(year.audiences())).containsExactly(85L, 12L, 4L, 23L, 120L, 3L);
    assertThat(year.totalPeople()).isEqualTo(247);
    assertThat(numbers(year.appreciations())).containsExactly(2L, 1L, 1L, 0L);
    assertThat(year.byHalfYear()).containsExactly(new Breakdown("1er semestre " + YEAR, 2, 6, 199),
        new Breakdown("2nd semestre " + YEAR, 2, 10, 48));
    assertThat(year.byMember()).containsExactly(new Breakdown(nameB, 2, 10, 48), new Breakdown(nameA, 2, 6, 199));
    assertThat(year.byEquipmentType()).containsExactly(new Breakdown(headset, 2, 6, 199), new Breakdown(tablet, 3, 12, 183));
    assertThat(year.organisation()).isEqualTo(Indicators.ALL_ORGANISATIONS);

    Figures firstHalf = indicators.figures(new Indicators.Query(IndicatorPeriod.half(YEAR, 1), null, null));
    assertThat(firstHalf.period().label()).isEqualTo("1er semestre " + YEAR);
    assertThat(firstHalf.reports()).isEqualTo(2);
    assertThat(numbers(firstHalf.actions())).containsExactly(3L, 1L, 0L, 2L);
    assertThat(numbers(firstHalf.audiences())).containsExactly(60L, 0L, 4L, 15L, 120L, 0L);
    assertThat(firstHalf.byHalfYear()).containsExactly(new Breakdown("1er semestre " + YEAR, 2, 6, 199));

    Figures tabletsOfB = indicators.figures(new Indicators.Query(IndicatorPeriod.year(YEAR), memberB, tabletTypeId));
    assertThat(tabletsOfB.organisation()).isEqualTo(nameB);
    assertThat(tabletsOfB.equipmentType()).isEqualTo(tablet);
    assertThat(tabletsOfB.reports()).isEqualTo(2);
    assertThat(numbers(tabletsOfB.actions())).containsExactly(5L, 4L, 1L, 0L);

    Figures headsets = indicators.figures(new Indicators.Query(IndicatorPeriod.half(YEAR, 2), null, headsetTypeId));
    assertThat(headsets.reports()).as("no headset came back in the 2nd half").isZero();
    assertThat(headsets.byMember()).isEmpty();

    Figures yearBefore = indicators.figures(new Indicators.Query(IndicatorPeriod.year(YEAR - 1), memberA, null));
    assertThat(yearBefore.reports()).as("returned on 31 December: the year before").isEqualTo(1);
    assertThat(numbers(yearBefore.appreciations())).containsExactly(0L, 0L, 0L, 1L);
  }

  @Test
  void theStaffPageShowsTheSameFiguresInItsTablesAndCharts() {
    WebClient staff = staff();
    HttpResponse<String> response = staff.get("/indicateurs?annee=" + YEAR);
    assertThat(response.statusCode()).isEqualTo(200);
    String page = text(response.body());
    assertThat(page).contains("Indicateurs : <span>Année " + YEAR + "</span>");
    assertThat(indicator(page, "comptes-rendus")).isEqualTo("4");
    assertThat(indicator(page, "actions")).isEqualTo("16");
    assertThat(indicator(page, "personnes")).isEqualTo("247");
    assertThat(row(page, "SEANCE")).containsExactly("Séances d'initiation", "8");
    assertThat(row(page, "ATELIER")).containsExactly("Ateliers thématiques", "5");
    assertThat(row(page, "SENIORS")).containsExactly("Seniors", "23");
    assertThat(row(page, "TOUT_PUBLIC")).containsExactly("Tout public", "120");
    assertThat(row(page, "TRES_SATISFAIT")).containsExactly("Très satisfait", "2");
    assertThat(row(page, "PAS_SATISFAIT")).containsExactly("Pas satisfait", "0");
    assertThat(breakdown(page, "1er semestre " + YEAR)).containsExactly("2", "6", "199");
    assertThat(breakdown(page, "2nd semestre " + YEAR)).containsExactly("2", "10", "48");
    assertThat(breakdown(page, nameA)).containsExactly("2", "6", "199");
    assertThat(breakdown(page, nameB)).containsExactly("2", "10", "48");
    assertThat(breakdown(page, headset)).containsExactly("2", "6", "199");
    assertThat(breakdown(page, tablet)).containsExactly("3", "12", "183");

    String actions = svg(page, "graphique-actions");
    assertThat(actions).contains("role=\"img\"").contains("viewBox=\"0 0 640 ")
        .contains("aria-label=\"Actions menées (nombre) : Séances d'initiation 8, Ateliers thématiques 5, "
            + "Mise à disposition 1, Événements 2.\"")
        .contains("<title>Séances d'initiation : 8</title>")
        .doesNotContain("<script");
    // The longest bar for the largest number, the others in proportion (340 px for 8: 5 → 212).
    assertThat(actions).containsPattern("<rect [^>]*width=\"340\"[^>]*>\\s*<title>Séances d'initiation : 8</title>");
    assertThat(actions).containsPattern("<rect [^>]*width=\"212\"[^>]*>\\s*<title>Ateliers thématiques : 5</title>");
    assertThat(svg(page, "graphique-publics")).contains("Scolaires 85").contains("Tout public 120");
    assertThat(svg(page, "graphique-appreciation")).contains("Très satisfait 2, Satisfait 1, Peu satisfait 1, Pas satisfait 0");

    assertThat(page).contains("href=\"/indicateurs/export.csv?annee=" + YEAR + "\"")
        .contains(">Exporter en CSV</a>")
        .contains("href=\"/indicateurs/dossier.pdf?annee=" + YEAR + "\"")
        .contains(">Dossier PDF pour le comité</a>");

    String filtered = text(staff.get("/indicateurs?annee=" + YEAR + "&semestre=2&structure=" + memberB + "&materiel="
        + tabletTypeId).body());
    assertThat(filtered).contains("2nd semestre " + YEAR).contains(nameB);
    assertThat(indicator(filtered, "comptes-rendus")).isEqualTo("2");
    assertThat(row(filtered, "SEANCE")).containsExactly("Séances d'initiation", "5");
    assertThat(filtered).contains("href=\"/indicateurs/export.csv?annee=" + YEAR + "&amp;semestre=2&amp;structure="
        + memberB + "&amp;materiel=" + tabletTypeId + "\"");
  }

  @Test
  void theCsvGivesTheSameFigures() {
    HttpResponse<byte[]> response = staff().getBytes("/indicateurs/export.csv?annee=" + YEAR);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    byte[] body = response.body();
    assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> lines = parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    assertThat(lines.get(0)).containsExactly("Période", "Structure", "Type de matériel", "Rubrique", "Libellé", "Nombre");
    assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.subList(0, 3))
        .containsExactly("Année " + YEAR, Indicators.ALL_ORGANISATIONS, Indicators.ALL_TYPES));
    Map<String, String> csv = lines.stream().skip(1)
        .collect(Collectors.toMap(line -> line.get(3) + " | " + line.get(4), line -> line.get(5)));
    assertThat(csv).containsEntry("Comptes rendus | Total", "4")
        .containsEntry("Actions (nombre) | Séances d'initiation", "8")
        .containsEntry("Actions (nombre) | Ateliers thématiques", "5")
        .containsEntry("Actions (nombre) | Mise à disposition", "1")
        .containsEntry("Actions (nombre) | Événements", "2")
        .containsEntry("Actions (nombre) | Total", "16")
        .containsEntry("Publics (nombre de personnes) | Scolaires", "85")
        .containsEntry("Publics (nombre de personnes) | Demandeurs d'emploi", "12")
        .containsEntry("Publics (nombre de personnes) | Enseignants", "4")
        .containsEntry("Publics (nombre de personnes) | Seniors", "23")
        .containsEntry("Publics (nombre de personnes) | Tout public", "120")
        .containsEntry("Publics (nombre de personnes) | Autres publics", "3")
        .containsEntry("Publics (nombre de personnes) | Total", "247")
        .containsEntry("Appréciation (comptes rendus) | Très satisfait", "2")
        .containsEntry("Appréciation (comptes rendus) | Satisfait", "1")
        .containsEntry("Appréciation (comptes rendus) | Peu satisfait", "1")
        .containsEntry("Appréciation (comptes rendus) | Pas satisfait", "0")
        .containsEntry("Comptes rendus par semestre | 1er semestre " + YEAR, "2")
        .containsEntry("Publics (nombre de personnes) par semestre | 1er semestre " + YEAR, "199")
        .containsEntry("Actions (nombre) par semestre | 2nd semestre " + YEAR, "10")
        .containsEntry("Comptes rendus par structure | " + nameA, "2")
        .containsEntry("Actions (nombre) par structure | " + nameB, "10")
        .containsEntry("Publics (nombre de personnes) par structure | " + nameA, "199")
        .containsEntry("Comptes rendus par type de matériel | " + tablet, "3")
        .containsEntry("Actions (nombre) par type de matériel | " + tablet, "12")
        .containsEntry("Publics (nombre de personnes) par type de matériel | " + headset, "199");
    assertThat(IndicatorsCsv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(IndicatorsCsv.cell("-2")).isEqualTo("'-2");
    assertThat(IndicatorsCsv.cell("@x;y")).isEqualTo("\"'@x;y\"");
  }

  @Test
  void theCommitteesPdfGivesTheSameFigures() {
    HttpResponse<byte[]> response = staff().getBytes("/indicateurs/dossier.pdf?annee=" + YEAR);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    String pdf = PdfText.of(response.body());
    assertThat(pdf).contains("Indicateurs de suivi du réseau")
        .contains("Année " + YEAR + " — " + Indicators.ALL_ORGANISATIONS + " — " + Indicators.ALL_TYPES)
        .contains("Comptes rendus : 4.")
        .contains("Séances d'initiation : 8").contains("Ateliers thématiques : 5").contains("Mise à disposition : 1")
        .contains("Événements : 2").contains("Total : 16 actions")
        .contains("Scolaires : 85").contains("Demandeurs d'emploi : 12").contains("Enseignants : 4").contains("Seniors : 23")
        .contains("Tout public : 120").contains("Autres publics : 3").contains("Total : 247 personnes")
        .contains("Très satisfait : 2").contains(" Satisfait : 1").contains("Peu satisfait : 1")
        .contains("Pas satisfait : 0").contains("Total : 4 comptes rendus")
        .contains("1er semestre " + YEAR + " : 2 comptes rendus, 6 actions, 199 personnes")
        .contains("2nd semestre " + YEAR + " : 2 comptes rendus, 10 actions, 48 personnes")
        .contains(nameA + " : 2 comptes rendus, 6 actions, 199 personnes")
        .contains(nameB + " : 2 comptes rendus, 10 actions, 48 personnes")
        .contains(headset + " : 2 comptes rendus, 6 actions, 199 personnes")
        .contains(tablet + " : 3 comptes rendus, 12 actions, 183 personnes");

    String firstHalfOfA = PdfText.of(staff().getBytes("/indicateurs/dossier.pdf?annee=" + YEAR + "&semestre=1&structure="
        + memberA).body());
    assertThat(firstHalfOfA).contains("1er semestre " + YEAR + " — " + nameA).contains("Comptes rendus : 2.")
        .contains("Séances d'initiation : 3").doesNotContain(nameB);
  }

  @Test
  void aMemberSeesOnlyTheirOwnFiguresWhateverTheParameters() {
    WebClient member = new WebClient(port);
    assertThat(member.loginToWebapps(userA, PASSWORD)).isEqualTo(200);
    for (String query : List.of("?annee=" + YEAR, "?annee=" + YEAR + "&structure=" + memberB,
        "?annee=" + YEAR + "&organisationId=" + memberB + "&structure=" + memberB)) {
      HttpResponse<String> response = member.get("/mes-indicateurs" + query);
      assertThat(response.statusCode()).isEqualTo(200);
      String page = text(response.body());
      assertThat(page).contains(nameA).doesNotContain(nameB);
      assertThat(indicator(page, "comptes-rendus")).as(query).isEqualTo("2");
      assertThat(indicator(page, "actions")).isEqualTo("6");
      assertThat(indicator(page, "personnes")).isEqualTo("199");
      assertThat(row(page, "SEANCE")).containsExactly("Séances d'initiation", "3");
      assertThat(page).contains("href=\"/mes-indicateurs/export.csv?annee=" + YEAR + "\"");

      HttpResponse<byte[]> csv = member.getBytes("/mes-indicateurs/export.csv" + query);
      assertThat(csv.statusCode()).isEqualTo(200);
      String text = new String(csv.body(), StandardCharsets.UTF_8);
      assertThat(text).contains(";" + nameA + ";" + Indicators.ALL_TYPES + ";Comptes rendus;Total;2\r\n")
          .contains(";Actions (nombre);Total;6\r\n").doesNotContain(nameB);
    }
    assertThat(member.get("/indicateurs?annee=" + YEAR + "&structure=" + memberB).statusCode()).isEqualTo(403);
    assertThat(member.getBytes("/indicateurs/export.csv?annee=" + YEAR + "&structure=" + memberB).statusCode())
        .isEqualTo(403);
    assertThat(member.getBytes("/indicateurs/dossier.pdf?annee=" + YEAR).statusCode()).isEqualTo(403);
    assertThat(new WebClient(port).getBytes("/indicateurs/export.csv?annee=" + YEAR).statusCode()).isEqualTo(401);
    assertThat(new WebClient(port).getBytes("/mes-indicateurs/export.csv?annee=" + YEAR).statusCode()).isEqualTo(401);
  }

  @Test
  void aBadFilterGetsItsFrenchMessageAndTheDefaultsAreShown() {
    WebClient staff = staff();
    int thisYear = fr.manche.tna.platform.time.ParisTime.today().getYear();
    String page = text(staff.get("/indicateurs?annee=20x7&semestre=3&structure=abc&materiel=999999999").body());
    assertThat(page).contains("<small id=\"annee-erreur\">L'année s'écrit en chiffres, de 2000 à 2100 (par exemple 2031)")
        .contains("<small id=\"semestre-erreur\">Choisissez « 1er semestre », « 2nd semestre » ou « Année entière »")
        .contains("<small id=\"structure-erreur\">Choisissez une structure dans la liste")
        .contains("<small id=\"materiel-erreur\">Choisissez un type de matériel dans la liste")
        .contains("Indicateurs : <span>Année " + thisYear + "</span>")
        .contains(Indicators.ALL_ORGANISATIONS).contains(Indicators.ALL_TYPES)
        .contains("value=\"20x7\"");
    assertThat(staff.get("/indicateurs?annee=1999").body()).contains("annee-erreur");
    WebClient member = new WebClient(port);
    member.loginToWebapps(userA, PASSWORD);
    assertThat(text(member.get("/mes-indicateurs?annee=abcd").body()))
        .contains("<small id=\"annee-erreur\">L'année s'écrit en chiffres");
    assertThat(staff.getBytes("/indicateurs/export.csv?annee=zzz").statusCode()).isEqualTo(200);
  }

  // --- the known reports ---

  private long organisation(String name) {
    return organisations.insert(new Organisation(null, name, LegalForm.COLLECTIVITE_TERRITORIALE, TestSirets.next(),
        "1 rue de la Mairie, 50000 Saint-Lô", null, "Lucie Marie", "contact@example.fr", null), OffsetDateTime.now());
  }

  /** A loan of these items returned on that day, and its report filed by the member. */
  private void file(long organisationId, String user, LocalDate returned, List<Item> items,
      Map<ReportCategory, Integer> numbers, Appreciation appreciation) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into loan_request (organisation_id, requested_by, activities, expected_audience, first_day, last_day,"
            + " status, created_at, returned_on) values (?, ?, 'Ateliers', 'Tout public', ?, ?, 'RENDUE', ?, ?)")
        .params(organisationId, user, returned.minusDays(7), returned, OffsetDateTime.now(), returned)
        .update(keys, "id");
    long loanId = keys.getKey().longValue();
    for (int i = 0; i < items.size(); i++) {
      jdbc.sql("insert into loan_request_item (loan_request_id, position, item_id) values (?, ?, ?)")
          .params(loanId, i + 1, items.get(i).id()).update();
    }
    Map<ReportCategory, Object> submitted = new EnumMap<>(ReportCategory.class);
    numbers.forEach((category, number) -> submitted.put(category, String.valueOf(number)));
    reports.file(loanId, organisationId, submitted, appreciation.name(), "", user);
  }

  private void setPassword(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }

  private WebClient staff() {
    WebClient staff = new WebClient(port);
    assertThat(staff.loginToWebapps(STAFF, PASSWORD)).isEqualTo(200);
    return staff;
  }

  // --- reading the page and the CSV back ---

  private static List<Long> numbers(List<Count> counts) {
    return counts.stream().map(Count::number).toList();
  }

  /** The page's HTML with the character references Thymeleaf writes turned back into characters. */
  private static String text(String html) {
    return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
  }

  private static String indicator(String page, String name) {
    Matcher matcher = Pattern.compile("data-indicateur=\"" + name + "\">(\\d+)<").matcher(page);
    assertThat(matcher.find()).as("the indicator " + name).isTrue();
    return matcher.group(1);
  }

  /** The cells of a category's row of a table. */
  private static List<String> row(String page, String code) {
    Matcher matcher = Pattern.compile("<tr data-categorie=\"" + code + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(matcher.find()).as("the row of " + code).isTrue();
    Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(matcher.group(1));
    List<String> cells = new java.util.ArrayList<>();
    while (cell.find()) {
      cells.add(cell.group(1));
    }
    return cells;
  }

  /** The reports, actions and people of a breakdown's row. */
  private static List<String> breakdown(String page, String label) {
    Matcher matcher = Pattern.compile(">" + Pattern.quote(label) + "</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>"
        + "\\s*<td[^>]*>(\\d+)</td>").matcher(page);
    assertThat(matcher.find()).as("the row of " + label).isTrue();
    return List.of(matcher.group(1), matcher.group(2), matcher.group(3));
  }

  private static String svg(String page, String id) {
    int start = page.lastIndexOf("<svg", page.indexOf("id=\"" + id + "\""));
    assertThat(start).as("the chart " + id).isNotNegative();
    return page.substring(start, page.indexOf("</svg>", start));
  }

  private static List<List<String>> parse(String csv) {
    List<List<String>> lines = new java.util.ArrayList<>();
    for (String line : csv.split("\r\n")) {
      if (!line.isEmpty()) {
        lines.add(List.of(line.split(";", -1)));
      }
    }
    return lines;
  }
}
