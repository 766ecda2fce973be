package fr.manche.tna.platform.config;

import fr.manche.tna.platform.security.StaffGroup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start without any administrator: the admin setup page is closed
 * ({@code /camunda/api/admin/setup/*} answers 403), so nobody could ever create accounts or groups. Checked
 * once the engine has opened the database: an existing database with an administrator starts without
 * {@code CAMUNDA_BPM_ADMINUSER_*}; a database without one needs them, and the starter then creates the
 * administrator (whatever the order of the two plugins).
 */
@Component
@Profile("prod")
class ProductionAdministratorCheck extends AbstractProcessEnginePlugin {

  private final Environment environment;

  ProductionAdministratorCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    boolean configured = Binder.get(environment).bind(ProductionConfigurationCheck.ADMIN_ID, String.class)
        .map(id -> !id.isBlank()).orElse(false);
    long administrators = processEngine.getIdentityService().createUserQuery()
        .memberOfGroup(StaffGroup.ADMINISTRATORS.groupId()).count();
    if (!configured && administrators == 0) {
      processEngine.close(); // built already: let it go with the refusal (job executor, registration)
      throw new IllegalStateException(
          "Configuration de production incomplète, l'application ne démarre pas :\n - aucun administrateur n'existe dans la "
              + "base (groupe " + StaffGroup.ADMINISTRATORS.groupId() + ") et CAMUNDA_BPM_ADMINUSER_ID et "
              + "CAMUNDA_BPM_ADMINUSER_PASSWORD ne sont pas définies : personne ne pourrait se connecter à Admin pour créer "
              + "les comptes (la page de création du premier administrateur est fermée). Définissez-les pour ce démarrage : "
              + "l'administrateur sera créé, et les démarrages suivants pourront s'en passer.\nVoir la section « Configuration » "
              + "du README.");
    }
  }
}
