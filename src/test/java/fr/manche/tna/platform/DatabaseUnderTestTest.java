package fr.manche.tna.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guards the build's PostgreSQL run: when it asks for PostgreSQL, the application really runs on it. */
@ApplicationTest
class DatabaseUnderTestTest {

  @Autowired DataSource dataSource;

  @Test
  void theApplicationRunsOnTheDatabaseTheBuildAskedFor() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      System.out.println("Database under test: " + product + " " + connection.getMetaData().getDatabaseProductVersion());
      assertThat(product).isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
    }
  }

  @Test
  void theEngineRunsInParisTime() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Paris");
  }
}
