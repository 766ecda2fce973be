package fr.manche.tna.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client as a browser or a script would use it: with a cookie jar (webapp sessions, CSRF cookie),
 * or with HTTP Basic credentials for {@code /engine-rest}.
 */
public class WebClient {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String basic;

  public WebClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A client logged in to the webapps, and so to the pages, as that person; the test fails if the login does. */
  public static WebClient loggedIn(int port, String login, String password) {
    WebClient client = new WebClient(port);
    int status = client.loginToWebapps(login, password);
    if (status != 200) {
      throw new AssertionError("login of " + login + ": " + status);
    }
    return client;
  }

  /** The token a page's form carries (Spring Security's hidden field {@code _csrf}); the test fails without one. */
  public static String csrf(String page) {
    Matcher matcher = FORM_TOKEN.matcher(page);
    if (!matcher.find()) {
      throw new AssertionError("the page's form token is missing");
    }
    return matcher.group(1);
  }

  /** A value as a form sends it ({@code application/x-www-form-urlencoded}). */
  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Text as Thymeleaf writes it into a page. */
  public static String html(String text) {
    return text.replace("'", "&#39;");
  }

  /** Sends HTTP Basic credentials with every request. */
  public WebClient basic(String user, String password) {
    basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * Logs in through the webapps' login endpoint, then reads who is logged in, as Tasklist's login page does:
   * the login opens a new session, and that read gives it its CSRF token (cookie {@code XSRF-TOKEN}); without
   * it the next POST to the webapps' API is refused and the session closed. @return the login's status
   */
  public int loginToWebapps(String user, String password) {
    get("/camunda/app/tasklist/default/");
    int status = post(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "application/x-www-form-urlencoded",
            "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8),
            true)
        .statusCode();
    if (status == 200) {
      get("/camunda/api/admin/auth/user/default");
    }
    return status;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** GET of a binary document (a PDF). */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> postJson(String path, String json) {
    return post(path, "application/json", json, true);
  }

  /** POST, with the CSRF header of the webapps unless {@code withCsrfHeader} is false. */
  public HttpResponse<String> post(String path, String contentType, String body, boolean withCsrfHeader) {
    HttpRequest.Builder builder =
        request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    String csrf = csrfToken();
    if (withCsrfHeader && csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return send(builder.build());
  }

  public HttpResponse<String> putJson(String path, String json) {
    HttpRequest.Builder builder =
        request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
    String csrf = csrfToken();
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return send(builder.build());
  }

  /**
   * Any method (DELETE, PUT, POST...), with a body of the given content type when {@code body} is not null, and
   * the CSRF header of the webapps when their cookie is there.
   */
  public HttpResponse<String> call(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder =
        request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", contentType);
    }
    String csrf = csrfToken();
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return send(builder.build());
  }


  /**
   * Any request with the given {@code Accept} header (Tasklist asks for {@code application/hal+json}) and an
   * optional JSON body, with the CSRF header of the webapps.
   */
  public HttpResponse<String> exchange(String method, String path, String accept, String json) {
    HttpRequest.Builder builder =
        request(path).setHeader("Accept", accept).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    String csrf = csrfToken();
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return send(builder.build());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html");
    if (basic != null) {
      builder.header("Authorization", basic);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
