package fr.manche.tna;

import fr.manche.tna.platform.time.ParisTime;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the process application of the "réseau des territoires numériques apprenants". */
@SpringBootApplication
@EnableScheduling
public class TnaApplication {

  public static void main(String[] args) {
    // The engine's timers use the JVM default zone: it must be Europe/Paris whatever the host says.
    TimeZone.setDefault(TimeZone.getTimeZone(ParisTime.ZONE));
    SpringApplication.run(TnaApplication.class, args);
  }
}
