package fr.manche.tna.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Tells, once started, where the pages of the menu ({@link Page}: Tasklist and the application's own pages),
 * Cockpit and Admin are, and how to log in.
 */
@Component
class StartupGuide {

  private static final Logger LOG = LoggerFactory.getLogger(StartupGuide.class);

  private final Environment environment;
  private final Pages pages;

  StartupGuide(Environment environment, Pages pages) {
    this.environment = environment;
    this.pages = pages;
  }

  @EventListener(ApplicationReadyEvent.class)
  void tellWhereThingsAre() {
    LOG.info(guide("http://localhost:" + environment.getProperty("local.server.port", "8080")));
  }

  String guide(String base) {
    StringBuilder guide = new StringBuilder("\n\n  Réseau des territoires numériques apprenants : application démarrée\n");
    guide.append("  Pages (une seule connexion pour toutes : ").append(base).append(ReturnPath.LOGIN).append(") :\n");
    for (Page page : pages.available()) {
      guide.append(String.format("    %-24s %s%s  (%s)%n",
          page.title(), base, page.path(), page.audience().label()));
    }
    guide.append("  Suivi des processus (Cockpit) : ").append(base).append("/camunda/app/cockpit/default/\n");
    guide.append("  Administration (Admin)        : ").append(base).append("/camunda/app/admin/default/\n");
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      guide.append("  Comptes de démonstration, mot de passe « demo » pour tous :\n");
      guide.append("    admin (administrateur), referent (référente du réseau), materiel (gestionnaire du matériel),\n");
      guide.append("    signataire (signataire du Département), julie.hamel et karim.benali (membres)\n");
    } else {
      guide.append("  Connexion avec les comptes créés par l'administrateur (voir le README).\n");
    }
    return guide.toString();
  }
}
