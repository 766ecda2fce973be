package fr.manche.tna.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;

/**
 * One person calling the platform both ways a browser or a script can: {@code /engine-rest} with HTTP Basic,
 * and the webapps' API used by Tasklist ({@code /camunda/api/engine/engine/default}) with the session and the
 * CSRF token of a Tasklist login.
 */
final class Caller {

  /** The two ways into the engine's API. */
  enum Api {
    REST("/engine-rest"),
    WEBAPP("/camunda/api/engine/engine/default");

    final String base;

    Api(String base) {
      this.base = base;
    }
  }

  final String userId;
  private final WebClient rest;
  private final WebClient webapp;

  private Caller(String userId, WebClient rest, WebClient webapp) {
    this.userId = userId;
    this.rest = rest;
    this.webapp = webapp;
  }

  static Caller login(int port, String userId, String password) {
    WebClient webapp = new WebClient(port);
    assertThat(webapp.loginToWebapps(userId, password)).as("Tasklist login of " + userId).isEqualTo(200);
    return new Caller(userId, new WebClient(port).basic(userId, password), webapp);
  }

  /** {@code path} below the API's base, such as {@code /task/count}; {@code body} JSON or null. */
  HttpResponse<String> call(Api api, String method, String path, String body) {
    return call(api, method, path, "application/json", body);
  }

  HttpResponse<String> call(Api api, String method, String path, String contentType, String body) {
    return client(api).call(method, api.base + path, contentType, body);
  }

  /** A path outside the engine's API (Cockpit's plugins), with the webapps' session. */
  HttpResponse<String> webappSession(String method, String fullPath, String body) {
    return webapp.call(method, fullPath, "application/json", body);
  }

  HttpResponse<String> restBasic(String method, String fullPath, String body) {
    return rest.call(method, fullPath, "application/json", body);
  }

  private WebClient client(Api api) {
    return api == Api.REST ? rest : webapp;
  }

  @Override
  public String toString() {
    return userId;
  }
}
