package fr.manche.tna.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN model of {@code bpmn/} and every Camunda Form of {@code forms/} at start-up.
 *
 * <p>The starter's own auto-deployment is switched off ({@code camunda.bpm.auto-deployment-enabled=false})
 * because it names resources after their place in the launcher ({@code bpmn/x.bpmn} from
 * {@code mvn spring-boot:run}, {@code BOOT-INF/classes/bpmn/x.bpmn} from {@code java -jar}), so that switching
 * launcher redeployed everything. Here a resource is named by its path below the classpath root, whatever
 * the launcher, and the engine's duplicate filter with "changed only" deploys just the files whose content
 * changed: a restart with no change creates no version; one changed model creates exactly one.
 */
@Component
public class ModelDeployer implements InitializingBean {

  static final String DEPLOYMENT_NAME = "reseau-tna";
  static final String DEPLOYMENT_SOURCE = "reseau-tna-application";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void afterPropertiesSet() {
    deploy(findModels());
  }

  /** Deploys the given resources (name to content) as one deployment of the changed ones only. */
  public void deploy(Map<String, byte[]> resources) {
    long before = countDeployments();
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_SOURCE)
            .enableDuplicateFiltering(true);
    resources.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
    Deployment deployment = builder.deploy();
    if (countDeployments() == before) {
      LOG.info("Modèles et formulaires inchangés ({} fichiers) : aucune nouvelle version.", resources.size());
    } else {
      LOG.info(
          "Nouveau déploiement {} : fichiers nouveaux ou modifiés {}",
          deployment.getId(),
          repositoryService.getDeploymentResourceNames(deployment.getId()));
    }
  }

  private long countDeployments() {
    return repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
  }

  /** The application's models, named {@code bpmn/<capability>/<Key>.bpmn} and {@code forms/<capability>/<Id>.form}. */
  public SortedMap<String, byte[]> findModels() {
    SortedMap<String, byte[]> models = new TreeMap<>();
    collect("bpmn", "bpmn", models);
    collect("forms", "form", models);
    return models;
  }

  private void collect(String folder, String suffix, SortedMap<String, byte[]> models) {
    try {
      Resource root = resolver.getResource("classpath:" + folder + "/");
      if (!root.exists()) {
        return;
      }
      String rootUrl = root.getURL().toString();
      for (Resource resource : resolver.getResources("classpath:" + folder + "/**/*." + suffix)) {
        String url = resource.getURL().toString();
        if (!url.startsWith(rootUrl)) {
          throw new IllegalStateException(url + " is not below " + rootUrl);
        }
        try (InputStream in = resource.getInputStream()) {
          models.put(folder + "/" + url.substring(rootUrl.length()), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models under " + folder + "/", e);
    }
  }
}
