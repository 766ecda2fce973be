package fr.manche.tna.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expressions ({@code assigneeExpression}, {@code candidateGroupsExpression}...) in the task and
 * filter queries sent to the REST API and to the webapps' API, wherever they hide: query parameters, the
 * JSON body, nested {@code orQueries}. The engine's {@code enableExpressionsInAdhocQueries=false} refuses
 * them at the top level only; an expression nested in an {@code orQueries} entry got through and was
 * evaluated.
 */
class QueryExpressionFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REFUSAL =
      "{\"type\":\"InvalidRequestException\",\"message\":\"Les expressions sont interdites dans les requêtes.\"}";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.contains("/task") || path.contains("/filter"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String name : request.getParameterMap().keySet()) {
      if (name.endsWith("Expression")) {
        refuse(response);
        return;
      }
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.startsWith("application/json")) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    if (body.length > 0 && containsExpression(readTree(body))) {
      refuse(response);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private static JsonNode readTree(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException malformed) {
      return null; // the API answers malformed JSON itself
    }
  }

  private static boolean containsExpression(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().endsWith("Expression") && !field.getValue().isNull()) {
          return true;
        }
        if (containsExpression(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(REFUSAL.getBytes(StandardCharsets.UTF_8));
  }

  /** The request with its body, already read, readable again. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
