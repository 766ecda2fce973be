package fr.manche.tna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.platform.security.CurrentUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The menu's registry: who sees which page, the demo's pages, what the staff pages' guard covers, the start-up log. */
class PageTest {

  static final Optional<CurrentUser> STAFF = Optional.of(new CurrentUser("referent", List.of("tna-referents-reseau")));
  static final Optional<CurrentUser> MEMBER = Optional.of(new CurrentUser("julie.hamel", List.of("membre-villedieu", "tna-membres")));

  @Test
  void eachPersonsMenuHoldsThePagesOfTheirRole() {
    Pages demo = pagesWithProfiles("demo");
    assertThat(demo.menuFor(STAFF)).containsExactly(
        Page.ACCUEIL, Page.CONVENTIONS, Page.ORGANISATIONS, Page.MATERIEL, Page.PRETS, Page.USAGE_DU_DEPARTEMENT,
        Page.HORAIRES, Page.REMISES, Page.INDICATEURS, Page.JOURNAL_DES_DECISIONS, Page.COURRIELS, Page.DISPONIBILITES, Page.LISTE_DES_TACHES);
    assertThat(demo.menuFor(MEMBER)).containsExactly(Page.ACCUEIL, Page.MA_CONVENTION, Page.MES_DEMANDES, Page.MES_EMPRUNTS,
        Page.MES_RENDEZ_VOUS, Page.MES_INDICATEURS, Page.DISPONIBILITES, Page.LISTE_DES_TACHES);
    assertThat(demo.menuFor(Optional.empty())).isEmpty();
    assertThat(pagesWithProfiles("prod").menuFor(STAFF)).doesNotContain(Page.COURRIELS);
  }

  @Test
  void theStaffPagesGuardCoversEveryStaffPageAndWhatLiesBelow() {
    assertThat(Page.staffUrlPatterns()).containsExactlyInAnyOrder(
        "/conventions", "/conventions/*", "/organisations", "/organisations/*", "/materiel", "/materiel/*", "/prets", "/prets/*",
        "/usage-du-departement", "/usage-du-departement/*", "/horaires", "/horaires/*", "/remises", "/remises/*", "/indicateurs", "/indicateurs/*", "/audit", "/audit/*",
        "/courriels", "/courriels/*");
    assertThat(Page.ORGANISATIONS.covers("/organisations/12")).isTrue();
    assertThat(Page.ORGANISATIONS.covers("/organisationsX")).isFalse();
  }

  @Test
  void theStartupLogListsThePagesOfTheRun() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("demo");
    String guide = new StartupGuide(environment, new Pages(environment)).guide("http://localhost:8080");
    for (Page page : Page.values()) {
      assertThat(guide).contains(page.title()).contains("http://localhost:8080" + page.path());
    }
    assertThat(guide).contains("http://localhost:8080/connexion");
  }

  private static Pages pagesWithProfiles(String profile) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profile);
    return new Pages(environment);
  }
}
