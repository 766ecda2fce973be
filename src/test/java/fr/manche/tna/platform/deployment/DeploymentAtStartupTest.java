package fr.manche.tna.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.ApplicationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** At start-up every model of bpmn/ and every form of forms/ is deployed, and forms resolve. */
@ApplicationTest
class DeploymentAtStartupTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;

  @Test
  void everyModelIsDeployedUnderItsFileName() {
    deployer.findModels().keySet().stream()
        .filter(name -> name.endsWith(".bpmn"))
        .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".bpmn".length()))
        .forEach(
            key ->
                assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult())
                    .as(key)
                    .isNotNull());
  }

  @Test
  void everyFormIsDeployedAndTheStartFormResolves() throws Exception {
    ProcessDefinition definition =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("ConventionApplication").latestVersion().singleResult();
    try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"ConventionApplicationStart\"")
          .contains("Nom de l'organisation");
    }
    long deployedForms =
        repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list().stream()
            .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
            .filter(name -> name.endsWith(".form"))
            .distinct()
            .count();
    assertThat(deployedForms)
        .isEqualTo(deployer.findModels().keySet().stream().filter(name -> name.endsWith(".form")).count());
  }

  @Test
  void startingAgainOnTheSameDatabaseDeploysNothingNew() {
    long deployments = repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count();
    deployer.afterPropertiesSet();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count())
        .isEqualTo(deployments);
  }
}
