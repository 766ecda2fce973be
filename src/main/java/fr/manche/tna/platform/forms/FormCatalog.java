package fr.manche.tna.platform.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every Camunda Form of the application ({@code forms/<capability>/<FormId>.form}, copied by the build to the
 * classpath root {@code forms/}, the same files {@code ModelDeployer} deploys), read once at start-up.
 *
 * <p>A form whose {@code id} is not its file name, two forms with one id, or a form declaring what
 * {@link FormSchema#check} cannot hold a submission to (see {@link FormReader}) stop the start-up with a
 * message naming the file: a form the server cannot check is never served. Plain unit tests construct the
 * catalog with {@code new FormCatalog()}.
 */
@Component
public class FormCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(FormCatalog.class);
  private static final String FOLDER = "forms";

  private final Map<String, FormSchema> forms;

  /** Reads every {@code forms/**}{@code /*.form} of the classpath. */
  public FormCatalog() {
    this.forms = Collections.unmodifiableMap(readAll(new PathMatchingResourcePatternResolver()));
    LOG.info("Formulaires lus pour le contrôle des saisies : {}", forms.size());
  }

  /** The form of that id (its file name without {@code .form}). */
  public Optional<FormSchema> find(String formId) {
    return formId == null ? Optional.empty() : Optional.ofNullable(forms.get(formId));
  }

  /** Every form, ordered by id. */
  public Collection<FormSchema> all() {
    return forms.values();
  }

  private static Map<String, FormSchema> readAll(ResourcePatternResolver resolver) {
    Map<String, FormSchema> forms = new TreeMap<>();
    try {
      Resource root = resolver.getResource("classpath:" + FOLDER + "/");
      if (!root.exists()) {
        return forms;
      }
      String rootUrl = root.getURL().toString();
      for (Resource resource : resolver.getResources("classpath:" + FOLDER + "/**/*.form")) {
        String url = resource.getURL().toString();
        String name = url.startsWith(rootUrl) ? FOLDER + "/" + url.substring(rootUrl.length()) : url;
        String json;
        try (InputStream in = resource.getInputStream()) {
          json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        FormSchema form = FormReader.read(name, json);
        String fileName = name.substring(name.lastIndexOf('/') + 1, name.length() - ".form".length());
        if (!form.id().equals(fileName)) {
          throw new IllegalStateException(name + " has the id '" + form.id() + "': a form's id is its file name");
        }
        FormSchema twin = forms.put(form.id(), form);
        if (twin != null) {
          throw new IllegalStateException("Two forms have the id '" + form.id() + "', the second is " + name);
        }
      }
      return forms;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms under " + FOLDER + "/", e);
    }
  }
}
