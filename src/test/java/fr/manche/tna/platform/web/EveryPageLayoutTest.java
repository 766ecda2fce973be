package fr.manche.tna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the application wears the shared layout (templates/pages/layout.html): the network's name, and
 * for a logged-in person the menu of their role. The pages are not listed by hand: every GET mapping of the
 * application's controllers that renders a template is opened, by someone not logged in, by staff and by a
 * member; whatever it answers (the page, or the French error page), if it is HTML it has the layout. A new
 * page with a path variable needs an example value below, or this test says so.
 */
@ApplicationTest
class EveryPageLayoutTest {

  static final String PASSWORD = "un mot de passe assez long";
  static final String STAFF = "layout.staff";
  static final String HEADER = "data-layout=\"reseau-tna\"";
  static final String MENU = "<nav class=\"tna-menu\" aria-label=\"Menu\">";
  static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired Pages pages;

  long organisationId;
  String member;

  @BeforeEach
  void staffAndMember() {
    TestMailServer.ensureUp();
    driver.ensureStaff(STAFF, "layout.staff@manche.fr", "tna-referents-reseau");
    setPassword(STAFF);
    organisationId = organisations.insert(
        new Organisation(null, "Médiathèque de Carentan", LegalForm.COLLECTIVITE_TERRITORIALE, TestSirets.next(),
            "Place de la République, 50500 Carentan", null, "Inès Leroy", "ines@carentan.example.fr", null),
        OffsetDateTime.now());
    Person person = accounts.addPerson(organisationId, "Inès", "Leroy" + System.nanoTime(),
        "ines" + System.nanoTime() + "@carentan.example.fr", "ANIMATEUR", "test");
    member = person.userId();
    setPassword(member);
  }

  @Test
  void everyPageOfTheApplicationHasTheSharedLayoutAndTheMenuOfTheRole() {
    WebClient anonymous = new WebClient(port);
    WebClient staff = new WebClient(port);
    assertThat(staff.loginToWebapps(STAFF, PASSWORD)).isEqualTo(200);
    WebClient memberClient = new WebClient(port);
    assertThat(memberClient.loginToWebapps(member, PASSWORD)).isEqualTo(200);
    Map<String, WebClient> clients = new LinkedHashMap<>();
    clients.put("someone not logged in", anonymous);
    clients.put("staff", staff);
    clients.put("a member", memberClient);

    List<String> paths = pagePaths();
    assertThat(paths).as("the pages found from the controllers")
        .contains("/accueil", "/connexion", "/conventions", "/organisations", "/organisations/" + organisationId, "/audit",
            "/ma-convention", "/compte/mot-de-passe", "/materiel", "/materiel/nouveau", "/disponibilites");
    List<String> missing = new ArrayList<>();
    for (String path : paths) {
      boolean rendered = false;
      for (Map.Entry<String, WebClient> client : clients.entrySet()) {
        HttpResponse<String> response = client.getValue().get(path);
        if (response.statusCode() / 100 == 3) {
          continue;
        }
        rendered = true;
        String page = response.body();
        String who = path + " for " + client.getKey() + " (" + response.statusCode() + ")";
        if (!page.contains(HEADER)) {
          missing.add(who + ": no shared layout");
        } else if (client.getValue() != anonymous && !page.contains(MENU)) {
          missing.add(who + ": no menu");
        }
      }
      if (!rendered) {
        missing.add(path + ": redirects everyone, nothing rendered");
      }
    }
    assertThat(missing).as("pages without the shared layout").isEmpty();
  }

  @Test
  void theMenuHoldsThePagesOfEachRoleAndStaffPagesAreGuarded() {
    WebClient staff = new WebClient(port);
    staff.loginToWebapps(STAFF, PASSWORD);
    WebClient memberClient = new WebClient(port);
    memberClient.loginToWebapps(member, PASSWORD);

    String staffHome = menuOf(staff.get("/accueil").body());
    String memberHome = menuOf(memberClient.get("/accueil").body());
    for (Page page : pages.available()) {
      assertThat(staffHome.contains("href=\"" + page.path() + "\"")).as(page + " in the staff's menu")
          .isEqualTo(page.audience() != Page.Audience.MEMBERS);
      assertThat(memberHome.contains("href=\"" + page.path() + "\"")).as(page + " in a member's menu")
          .isEqualTo(page.audience() != Page.Audience.STAFF);
      if (page.audience() == Page.Audience.STAFF && page.ours()) {
        HttpResponse<String> anonymous = new WebClient(port).get(page.path());
        assertThat(anonymous.statusCode()).as(page + " for someone not logged in").isEqualTo(401);
        assertThat(anonymous.body()).contains("Connexion requise").contains("data-retour=\"" + page.path() + "\"");
        HttpResponse<String> refused = memberClient.get(page.path());
        assertThat(refused.statusCode()).as(page + " for a member").isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé");
      }
    }
    assertThat(staff.get("/accueil").body()).contains("Bonjour");
  }

  @Test
  void aMailedLinkLeadsThroughTheLoginBackToItsPage() {
    HttpResponse<String> task = new WebClient(port).get("/taches?processus=abc");
    assertThat(task.statusCode()).isEqualTo(302);
    assertThat(task.headers().firstValue("Location").orElseThrow()).endsWith("/connexion?retour=%2Ftaches%3Fprocessus%3Dabc");
    assertThat(new WebClient(port).get("/connexion?retour=%2Ftaches%3Fprocessus%3Dabc").body())
        .contains("data-retour=\"/taches?processus=abc\"");
    assertThat(new WebClient(port).get("/ma-convention").body()).contains("data-retour=\"/ma-convention\"");
    assertThat(new WebClient(port).get("/documents/convention/1?x=1").body()).contains("data-retour=\"/documents/convention/1?x=1\"");
    assertThat(new WebClient(port).post("/organisations/1/personnes", "application/x-www-form-urlencoded", "nom=x", false).body())
        .as("a form sent while logged out: back to the home page").contains("data-retour=\"/accueil\"");
    assertThat(new WebClient(port).get("/connexion?retour=https%3A%2F%2Fautre.example").body())
        .contains("data-retour=\"/accueil\"").doesNotContain("autre.example");
  }

  @Test
  void theLoginPagesScriptGetsTheWebappsCsrfTokenOfItsSession() {
    WebClient browser = new WebClient(port);
    assertThat(browser.get("/connexion/jeton").body()).isEqualTo("{}");
    HttpResponse<String> first = browser.get("/camunda/api/admin/auth/user/default");
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> again = browser.get("/connexion/jeton");
    assertThat(again.body()).isEqualTo("{\"jeton\":\"" + token + "\"}");
    assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  /** The paths of every GET mapping of the application that renders a template, path variables filled in. */
  private List<String> pagePaths() {
    // A booking no one holds: its page answers « not found » in the shared layout.
    Map<String, String> examples = Map.of("id", String.valueOf(organisationId), "bookingId", "987654321");
    TreeSet<String> paths = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = mapping.getValue();
      RequestMappingInfo info = mapping.getKey();
      boolean get = info.getMethodsCondition().getMethods().isEmpty()
          || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
      Class<?> returned = handler.getMethod().getReturnType();
      boolean rendersTemplate = (returned == String.class || returned == ModelAndView.class)
          && !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
          && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
      if (!handler.getBeanType().getName().startsWith("fr.manche.tna.") || !get || !rendersTemplate) {
        continue;
      }
      for (String pattern : info.getPatternValues()) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
          String example = examples.get(variable.group(1));
          assertThat(example).as("an example value of {" + variable.group(1) + "} for " + pattern).isNotNull();
          variable.appendReplacement(path, example);
        }
        variable.appendTail(path);
        paths.add(path.toString());
      }
    }
    return List.copyOf(paths);
  }

  private static String menuOf(String page) {
    int start = page.indexOf(MENU);
    assertThat(start).as("the page has a menu").isNotNegative();
    return page.substring(start, page.indexOf("</nav>", start));
  }

  private void setPassword(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }
}
