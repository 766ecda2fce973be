package fr.manche.tna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login page comes back to pages of this site only: it is no open redirect. */
class ReturnPathTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/ma-convention", "/conventions", "/organisations/12", "/documents/convention/3",
      "/taches?processus=0c5f2a6e-ec93-11f1-b9b2-02fc00000001", "/camunda/app/tasklist/default/", "/accueil#haut"})
  void aPathOfThisSiteIsKept(String path) {
    assertThat(ReturnPath.safe(path)).isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://autre.example", "//autre.example", "///autre.example", "/\\autre.example", "\\\\autre.example",
      "javascript:alert(1)", "autre.example", "ma-convention", "/\t/autre.example", "/ma convention", "/\n/autre.example",
      "http:/autre.example", "/connexion?retour=https://autre.example", "", " /accueil", "/é"})
  void anythingElseGoesHome(String candidate) {
    assertThat(ReturnPath.safe(candidate)).isEqualTo("/accueil");
  }

  @org.junit.jupiter.api.Test
  void noAddressGoesHomeAndTheLoginLinkEncodesTheReturn() {
    assertThat(ReturnPath.safe(null)).isEqualTo("/accueil");
    assertThat(ReturnPath.safe("/x".repeat(1001))).isEqualTo("/accueil");
    assertThat(ReturnPath.loginThenBackTo("/taches?processus=abc&x=1"))
        .isEqualTo("/connexion?retour=%2Ftaches%3Fprocessus%3Dabc%26x%3D1");
    assertThat(ReturnPath.loginThenBackTo("//autre.example")).isEqualTo("/connexion?retour=%2Faccueil");
  }
}
