package fr.manche.tna.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's modules and the directions in which they may depend on each other (README,
 * "Architecture → Modules"). A capability added later (loans, handovers, steering) gets its line in
 * {@link #ALLOWED}; a dependency against the directions fails here with the classes involved.
 */
class ModuleStructureTest {

  private static final String ROOT = "fr.manche.tna";

  /** Module → the modules it may use (besides itself). Read from bottom to top: nothing points down. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("platform", Set.of()),
      Map.entry("notification", Set.of("platform")),
      Map.entry("membership", Set.of("platform", "notification")),
      Map.entry("signature", Set.of("platform", "notification", "membership")),
      Map.entry("convention", Set.of("platform", "notification", "membership", "signature")),
      Map.entry("requests", Set.of("platform", "notification", "membership")),
      Map.entry("inventory", Set.of("platform", "notification", "membership")),
      Map.entry("communication", Set.of("platform", "notification", "membership", "signature", "convention")),
      Map.entry("loan", Set.of("platform", "notification", "membership", "convention", "inventory")),
      Map.entry("handover", Set.of("platform", "notification", "membership", "signature", "convention", "inventory",
          "loan")),
      Map.entry("steering", Set.of("platform", "notification", "membership", "signature", "convention", "communication",
          "inventory", "loan", "handover")),
      Map.entry("demo", Set.of("platform", "notification", "membership", "signature", "convention", "communication",
          "requests", "inventory", "loan", "handover", "steering")));

  /**
   * Packages private to the package that holds them, in the capabilities (the platform's packages are all
   * shared): a process's steps, mails and constants, and a capability's pages. A capability's public API is its
   * root package (services, records, events); another process starts or ends it through a delegate named in
   * its model, not through its classes.
   */
  static final Set<String> INTERNAL = Set.of("process", "web");

  private static JavaClasses classes;

  @BeforeAll
  static void importApplication() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void everyModuleIsDeclared() {
    Set<String> modules = new TreeSet<>();
    for (JavaClass type : classes) {
      String module = moduleOf(type.getPackageName());
      if (module != null) {
        modules.add(module);
      }
    }
    assertThat(ALLOWED.keySet()).as("modules with declared directions").containsAll(modules);
  }

  @Test
  void modulesDependOnlyInTheAllowedDirections() {
    assertThat(violations(false)).as("dependencies against the allowed directions").isEmpty();
  }

  @Test
  void noModuleReachesIntoAnotherOnesProcessOrPages() {
    assertThat(violations(true)).as("uses of another package's process or web internals").isEmpty();
  }

  private static List<String> violations(boolean internals) {
    Set<String> found = new TreeSet<>();
    for (JavaClass origin : classes) {
      for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        String from = origin.getPackageName();
        String to = target.getPackageName();
        if (!to.startsWith(ROOT + ".") || from.equals(to)) {
          continue;
        }
        String problem = internals ? internalReach(from, to) : wrongDirection(from, to);
        if (problem != null) {
          found.add(origin.getName() + " → " + target.getName() + " (" + problem + ")");
        }
      }
    }
    return List.copyOf(found);
  }

  private static String wrongDirection(String from, String to) {
    String origin = moduleOf(from);
    String target = moduleOf(to);
    if (origin == null || target == null || origin.equals(target)) {
      return null;
    }
    return ALLOWED.getOrDefault(origin, Set.of()).contains(target) ? null : origin + " may not use " + target;
  }

  /** A package {@code a.b.process} may be used from {@code a.b} and below only. */
  private static String internalReach(String from, String to) {
    if ("platform".equals(moduleOf(to))) {
      return null;
    }
    String[] segments = to.split("\\.");
    for (int i = segments.length - 1; i > 2; i--) {
      if (INTERNAL.contains(segments[i])) {
        String owner = String.join(".", List.of(segments).subList(0, i));
        String internal = owner + "." + segments[i];
        if (!from.equals(internal) && !from.startsWith(internal + ".") && !from.equals(owner)) {
          return internal + " is internal to " + owner;
        }
      }
    }
    return null;
  }

  private static String moduleOf(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return null;
    }
    String rest = packageName.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
