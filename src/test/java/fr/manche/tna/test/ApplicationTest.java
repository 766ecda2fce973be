package fr.manche.tna.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application against a real database and a real SMTP server (GreenMail), both started
 * by the test itself (see {@link TestInfrastructure}). Tagged "database": the build runs these tests twice,
 * on H2 and on a real PostgreSQL (Maven execution "postgres" of Surefire).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestInfrastructure.class)
@Tag("database")
public @interface ApplicationTest {}
