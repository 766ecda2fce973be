package fr.manche.tna.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Tells, once started, where Tasklist, Cockpit and (in the demo) the mail view are, and how to log in. */
@Component
class StartupGuide {

  private static final Logger LOG = LoggerFactory.getLogger(StartupGuide.class);

  private final Environment environment;

  StartupGuide(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void tellWhereThingsAre() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    StringBuilder guide = new StringBuilder("\n\n  Réseau des territoires numériques apprenants : application démarrée\n");
    guide.append("  Liste des tâches (Tasklist) : ").append(base).append("/camunda/app/tasklist/default/\n");
    guide.append("  Suivi des processus (Cockpit) : ").append(base).append("/camunda/app/cockpit/default/\n");
    guide.append("  Administration (Admin)       : ").append(base).append("/camunda/app/admin/default/\n");
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      guide.append("  Courriels reçus (démonstration) : ").append(base).append("/courriels\n");
      guide.append("  Comptes de démonstration, mot de passe « demo » pour tous :\n");
      guide.append("    admin (administrateur), referent (référente du réseau), materiel (gestionnaire du matériel),\n");
      guide.append("    signataire (signataire du Département), julie.hamel et karim.benali (membres)\n");
    } else {
      guide.append("  Connexion avec les comptes créés par l'administrateur (voir le README).\n");
    }
    LOG.info(guide.toString());
  }
}
