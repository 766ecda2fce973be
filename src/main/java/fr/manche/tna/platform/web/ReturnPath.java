package fr.manche.tna.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a person goes once logged in: the page they asked for, and only a page of this site. A return address
 * is a path of this site ({@code /ma-convention}, {@code /taches?processus=…}); anything else (another site,
 * {@code //autre.example}, {@code /\autre.example}, a scheme, spaces or control characters, which browsers
 * strip) is replaced by the home page: the login page is no open redirect.
 */
public final class ReturnPath {

  /** Where one goes when no (valid) page was asked for. */
  public static final String HOME = Page.ACCUEIL.path();

  /** The login page of the application. */
  public static final String LOGIN = "/connexion";

  private static final int MAX_LENGTH = 2000;

  /** One slash, then printable ASCII without a backslash; a second slash right after the first is refused below. */
  private static final Pattern LOCAL_PATH = Pattern.compile("/[\\x21-\\x5B\\x5D-\\x7E]*");

  private ReturnPath() {}

  /** The given return address if it is a path of this site, the home page otherwise. */
  public static String safe(String candidate) {
    if (candidate == null
        || candidate.length() > MAX_LENGTH
        || !LOCAL_PATH.matcher(candidate).matches()
        || candidate.startsWith("//")
        || candidate.startsWith(LOGIN)) {
      return HOME;
    }
    try {
      URI uri = new URI(candidate);
      if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
          || !uri.getRawPath().startsWith("/")) {
        return HOME;
      }
    } catch (URISyntaxException invalid) {
      return HOME;
    }
    return candidate;
  }

  /** The login page, coming back to the given page (made safe) once logged in. */
  public static String loginThenBackTo(String candidate) {
    return LOGIN + "?retour=" + URLEncoder.encode(safe(candidate), StandardCharsets.UTF_8);
  }
}
