package fr.manche.tna.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.convention.ConventionVariables;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The way variables are written (README "Writing a process: variables"), kept by a test: main code touches a
 * process variable only through a {@link ProcessVariable}, and a variable several processes share is declared
 * once, in {@link CommonVariables} or {@link ConventionVariables}, which a process's class may only name again.
 */
class ProcessVariableDeclarationsTest {

  private static final Pattern RAW_ACCESS = Pattern.compile("\\.(get|set)Variable(Local)?\\(");

  @Test
  void mainCodeReadsAndWritesProcessVariablesOnlyThroughTheirDeclarations() throws IOException {
    Path main = Path.of("src/main/java");
    Path platformProcess = main.resolve("fr/manche/tna/platform/process");
    List<String> raw = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java") && !path.startsWith(platformProcess)).toList()) {
        String source = Files.readString(file);
        if (source.contains("import org.camunda") && RAW_ACCESS.matcher(source).find()) {
          raw.add(main.relativize(file).toString());
        }
      }
    }
    assertThat(raw).as("process variables read or written by name, not through a ProcessVariable").isEmpty();
  }

  @Test
  void aSharedVariableIsDeclaredOnceAndOnlyNamedAgainElsewhere() throws Exception {
    Map<String, ProcessVariable<?>> shared = new HashMap<>();
    for (Class<?> type : List.of(CommonVariables.class, ConventionVariables.class)) {
      declared(type).forEach(variable -> shared.put(variable.name(), variable));
    }
    List<String> redeclared = new ArrayList<>();
    for (Class<?> type : processClasses()) {
      for (ProcessVariable<?> variable : declared(type)) {
        if (shared.containsKey(variable.name()) && shared.get(variable.name()) != variable) {
          redeclared.add(type.getName() + ": " + variable.name());
        }
      }
    }
    assertThat(redeclared).as("shared variables declared again instead of named").isEmpty();
    assertThat(processClasses()).as("the *Process classes and their form classes are found").hasSizeGreaterThan(8);
  }

  private static List<Class<?>> processClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:fr/manche/tna/**/*Process*.class")) {
      String path = resource.getURL().toString();
      String name = path.substring(path.indexOf("fr/manche/tna/"), path.length() - ".class".length()).replace('/', '.');
      if (name.endsWith("Process") || name.contains("Process$")) {
        classes.add(Class.forName(name));
      }
    }
    return classes;
  }

  private static List<ProcessVariable<?>> declared(Class<?> type) throws IllegalAccessException {
    List<ProcessVariable<?>> variables = new ArrayList<>();
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof ProcessVariable<?> variable) {
        variables.add(variable);
      }
    }
    return variables;
  }
}
