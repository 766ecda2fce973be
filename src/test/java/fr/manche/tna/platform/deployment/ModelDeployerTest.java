package fr.manche.tna.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import fr.manche.tna.test.ProcessTestEngine;

/** A restart deploys nothing new; a changed file gives exactly one new version, of that file only. */
class ModelDeployerTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();
  ProcessEngine processEngine;

  @AfterEach
  void removeDeployments() {
    RepositoryService repository = processEngine.getRepositoryService();
    repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void findsEveryModelAndFormOfTheApplicationUnderAStableName() {
    SortedMap<String, byte[]> models = deployer().findModels();
    assertThat(models.keySet())
        .contains(
            "bpmn/convention/ConventionApplication.bpmn",
            "forms/convention/ConventionApplicationStart.form",
            "forms/convention/ConventionApplicationReview.form")
        .allMatch(name -> name.startsWith("bpmn/") || name.startsWith("forms/"));
  }

  @Test
  void aRestartWithNoChangeCreatesNoVersion() {
    ModelDeployer deployer = deployer();
    deployer.deploy(deployer.findModels());
    deployer.deploy(deployer.findModels());
    deployer.deploy(deployer.findModels());

    RepositoryService repository = processEngine.getRepositoryService();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ConventionApplication").count())
        .isEqualTo(1);
  }

  @Test
  void aChangedModelCreatesExactlyOneNewVersionOfItselfAndNothingElse() {
    ModelDeployer deployer = deployer();
    SortedMap<String, byte[]> models = new TreeMap<>(deployer.findModels());
    models.put("bpmn/convention/Other.bpmn", minimalProcess("Other", "Autre processus"));
    deployer.deploy(models);

    String name = "bpmn/convention/ConventionApplication.bpmn";
    String changed =
        new String(models.get(name), StandardCharsets.UTF_8)
            .replace("name=\"Enregistrer la demande\"", "name=\"Enregistrer la demande reçue\"");
    models.put(name, changed.getBytes(StandardCharsets.UTF_8));
    deployer.deploy(models);
    deployer.deploy(models);

    RepositoryService repository = processEngine.getRepositoryService();
    List<ProcessDefinition> versions =
        repository.createProcessDefinitionQuery().processDefinitionKey("ConventionApplication")
            .orderByProcessDefinitionVersion().asc().list();
    assertThat(versions).extracting(ProcessDefinition::getVersion).containsExactly(1, 2);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Other").count()).isEqualTo(1);
    assertThat(repository.getDeploymentResourceNames(versions.get(1).getDeploymentId())).containsExactly(name);
  }

  private ModelDeployer deployer() {
    return new ModelDeployer(processEngine.getRepositoryService());
  }

  private static byte[] minimalProcess(String key, String name) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="test">
          <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Started"/>
          </bpmn:process>
        </bpmn:definitions>
        """).formatted(key, name).getBytes(StandardCharsets.UTF_8);
  }
}
