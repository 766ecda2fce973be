package fr.manche.tna.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest page a caller of {@code /engine-rest} may ask for: a query for more than {@value #MAX_RESULTS}
 * results is refused (400), and a list query that asks for no page gets the first {@value #MAX_RESULTS}.
 *
 * <p>Not the engine's own {@code queryMaxResultsLimit}: that one also refuses the unpaged queries that
 * Tasklist itself sends (its filter list), which then fails to load.
 */
class PageSizeLimitFilter extends OncePerRequestFilter {

  static final int MAX_RESULTS = 500;
  /** A collection: {@code /engine-rest/task}, {@code /engine-rest/history/process-instance}, not one item or a count. */
  private static final Pattern LIST = Pattern.compile("^/engine-rest/(history/)?[a-z-]+/?$");
  /** Lists with a smaller limit of their own, which the engine applies when none is asked: metrics (200). */
  private static final Pattern OWN_LIMIT = Pattern.compile("^/engine-rest/metrics/?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String maxResults = request.getParameter("maxResults");
    if (maxResults != null) {
      if (!maxResults.matches("\\d{1,9}") || Integer.parseInt(maxResults) > MAX_RESULTS) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"InvalidRequestException\",\"message\":\"Une requête ne peut "
            + "demander plus de " + MAX_RESULTS + " résultats (maxResults) : parcourez-les page par page.\"}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (LIST.matcher(path).matches() && !OWN_LIMIT.matcher(path).matches() && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))) {
      chain.doFilter(new FirstPage(request), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The same request, asking for the first page. */
  private static final class FirstPage extends HttpServletRequestWrapper {
    FirstPage(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getQueryString() {
      String query = super.getQueryString();
      String page = "firstResult=0&maxResults=" + MAX_RESULTS;
      return query == null || query.isEmpty() ? page : query + "&" + page;
    }

    @Override
    public String getParameter(String name) {
      if ("maxResults".equals(name)) {
        return String.valueOf(MAX_RESULTS);
      }
      return super.getParameter(name);
    }
  }
}
