package fr.manche.tna.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The harness itself: its engine stays apart, it finds every bean of a model, and every model has its test. */
class ModelHarnessTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/communication/CommunicationRequest.bpmn");

  @Test
  void itsEngineIsNamedApartAndNotRegisteredBesideTheApplications() {
    assertThat(models.engine().getName()).isEqualTo(ModelHarness.ENGINE_NAME).isNotEqualTo("default");
    assertThat(ProcessEngines.getProcessEngines()).doesNotContainKey(ModelHarness.ENGINE_NAME);
    assertThat(ProcessEngines.getProcessEngines().values()).doesNotContain(models.engine());
  }

  @Test
  void everyDelegateExpressionOfEveryModelIsMockedAndNothingElse() throws IOException {
    Pattern delegate = Pattern.compile("(?:delegateExpression|[\\s:]expression)=\"[$#]\\{\\s*(\\w+)");
    for (Path model : bpmnFiles()) {
      Set<String> named = new TreeSet<>();
      Matcher matcher = delegate.matcher(Files.readString(model));
      while (matcher.find()) {
        named.add(matcher.group(1));
      }
      assertThat(new TreeSet<>(ModelHarness.beansOf(model.toString()))).as(model.toString()).isEqualTo(named);
    }
    assertThat(models.beanNames())
        .contains("memberInstanceAccess", "registerCommunicationRequest", "checkCommunicationReview")
        .as("variables stay variables").doesNotContain("memberGroupId", "changesRequested", "initiator");
  }

  @Test
  void everyProcessHasItsModelTest() throws IOException {
    for (Path model : bpmnFiles()) {
      String key = model.getFileName().toString().replace(".bpmn", "");
      assertThat(Path.of("src/test/java/fr/manche/tna/model", key + "ModelTest.java"))
          .as("model test of " + model + " (see README, Tests)").exists();
    }
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      List<Path> models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(models).isNotEmpty();
      return models;
    }
  }
}
