package fr.manche.tna.demo;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemDraft;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo run's catalogue: a dozen items of five types, one in maintenance and one retired, and two periods the
 * département keeps for its own use, so that the availability page shows taken days. Idempotent: a restart
 * adds only what is missing.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCatalogue implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogue.class);

  static final List<String> TYPES = List.of("Casque de réalité virtuelle", "Drone", "Studio radio mobile",
      "Valise de tablettes", "Vidéoprojecteur portable");

  private static final String HEADSET = "Manette gauche\nManette droite\nCâble de charge USB-C\nChiffon microfibre\nHousse de transport";
  private static final String DRONE = "Radiocommande\nBatterie 1\nBatterie 2\nChargeur\nHélices de rechange (4)\nMallette";
  private static final String STUDIO = "Table de mixage\nMicro 1\nMicro 2\nCasque audio 1\nCasque audio 2\nPieds de micro (2)\n"
      + "Câbles XLR (4)\nMallette";
  private static final String TABLETS = "Tablettes (8)\nChargeur multiple\nCâbles USB-C (8)\nCoques de protection (8)";
  private static final String PROJECTOR = "Télécommande\nCâble HDMI\nCâble d'alimentation\nSacoche";

  static final List<ItemDraft> ITEMS = List.of(
      new ItemDraft("INV-001", "MQ3-2G4A8K11", TYPES.get(0), HEADSET, "Disponible", null),
      new ItemDraft("INV-002", "MQ3-2G4A8K37", TYPES.get(0), HEADSET, "Disponible", null),
      new ItemDraft("INV-003", "MQ3-2G4A9B02", TYPES.get(0), HEADSET, "En maintenance", "Sangle arrière cassée : réparation en cours."),
      new ItemDraft("INV-004", "MQ3-2G4A9B15", TYPES.get(0), HEADSET, "Disponible", null),
      new ItemDraft("INV-010", "DJI-1581F4-0457", TYPES.get(1), DRONE, "Disponible", "Vol en extérieur : voir la réglementation jointe."),
      new ItemDraft("INV-011", "DJI-1581F4-0933", TYPES.get(1), DRONE, "Disponible", null),
      new ItemDraft("INV-020", "RAD-ST-2023-01", TYPES.get(2), STUDIO, "Disponible", null),
      new ItemDraft("INV-021", "RAD-ST-2023-02", TYPES.get(2), STUDIO, "Disponible", null),
      new ItemDraft("INV-030", "VAL-TAB-0001", TYPES.get(3), TABLETS, "Disponible", null),
      new ItemDraft("INV-031", "VAL-TAB-0002", TYPES.get(3), TABLETS, "Disponible", null),
      new ItemDraft("INV-040", "EPS-CO-FH02-7731", TYPES.get(4), PROJECTOR, "Disponible", null),
      new ItemDraft("INV-041", "EPS-CO-FH02-2210", TYPES.get(4), PROJECTOR, "Réformé", "Lampe hors d'usage, non réparable."));

  private final Catalogue catalogue;
  private final Availability availability;

  DemoCatalogue(Catalogue catalogue, Availability availability) {
    this.catalogue = catalogue;
    this.availability = availability;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = seed();
    if (created > 0) {
      LOG.info("Catalogue de démonstration créé : {} matériels de {} types", created, TYPES.size());
    }
  }

  /** Adds the types and items missing (by name, by inventory number); @return how many items it added. */
  int seed() {
    TYPES.stream().filter(type -> catalogue.typeNamed(type).isEmpty()).forEach(type -> catalogue.addType(type, "demo"));
    int created = 0;
    for (ItemDraft item : ITEMS) {
      if (catalogue.itemNumbered(item.inventoryNumber()).isEmpty()) {
        Item saved = catalogue.create(item, "demo");
        created++;
        LocalDate today = ParisTime.today();
        if (saved.inventoryNumber().equals("INV-010")) {
          availability.reserve(saved.id(), today.plusDays(7), today.plusDays(9), ReservationKind.OWN_USE,
              "Fête du numérique de Saint-Lô");
        } else if (saved.inventoryNumber().equals("INV-001")) {
          availability.reserve(saved.id(), today.plusDays(3), today.plusDays(16), ReservationKind.OWN_USE,
              "Démonstrations dans les collèges");
        }
      }
    }
    return created;
  }
}
