package fr.manche.tna.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A mail job holds two database connections at once (the engine's, and the delivery record's own transaction in
 * {@code NotificationService}): the pool must give every job thread two, and leave some to the job acquisition and
 * the web requests. With the engine's defaults (10 threads on 10 connections) a burst of mails starved the pool, and a
 * delivery record that cannot be written after the SMTP server took the mail means the mail goes again (README
 * "Benchmark", timer storm).
 */
class ConnectionPoolSizingTest {

  @Test
  void thePoolGivesEveryJobThreadTwoConnectionsAndLeavesSomeToThePages() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties settings = yaml.getObject();

    int pool = Integer.parseInt(settings.getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
    int jobThreads = Integer.parseInt(settings.getProperty("camunda.bpm.job-execution.max-pool-size", "10"));
    assertThat(pool).as("connections for %d job threads, the acquisition and the pages", jobThreads)
        .isGreaterThanOrEqualTo(2 * jobThreads + 4);
  }
}
