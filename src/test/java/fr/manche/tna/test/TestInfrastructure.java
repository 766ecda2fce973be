package fr.manche.tna.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the test's database and SMTP server. */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "spring.datasource.username=" + TestDatabase.username(),
            "spring.datasource.password=" + TestDatabase.password(),
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + TestMailServer.port())
        .applyTo(context);
  }
}
