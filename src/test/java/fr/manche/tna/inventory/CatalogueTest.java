package fr.manche.tna.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.manche.tna.test.ApplicationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalogue's rules, and its CSV file: a good file, a file with errors, a round trip, a malformed file. */
@ApplicationTest
class CatalogueTest {

  static final String HEADER = "Numéro d'inventaire;Numéro de série;Type;Accessoires;Statut;Notes\r\n";

  @Autowired Catalogue catalogue;
  @Autowired CatalogueCsv csv;

  EquipmentType drones;

  @BeforeEach
  void aType() {
    drones = InventoryFixtures.type(catalogue, "Drone");
  }

  @Test
  void anItemKeepsItsKitInOrderAndItsNumberIsUnique() {
    String number = InventoryFixtures.unique("inv-");
    Item drone = catalogue.create(new ItemDraft(" " + number + " ", "SN-1", drones.name().toUpperCase(),
        "Radiocommande\n\n Batterie 1 | Batterie 2\r\nChargeur", "en maintenance", "Hélice à changer"), "test");
    assertThat(drone.inventoryNumber()).isEqualTo(number.toUpperCase());
    assertThat(drone.typeId()).isEqualTo(drones.id());
    assertThat(drone.accessories()).containsExactly("Radiocommande", "Batterie 1", "Batterie 2", "Chargeur");
    assertThat(drone.status()).isEqualTo(ItemStatus.IN_MAINTENANCE);

    InvalidItemException refused = catchThrowableOfType(InvalidItemException.class, () -> catalogue.create(
        new ItemDraft(number, " ", "Trottinette", "Batterie\nbatterie", "Cassé", null), "test"));
    assertThat(refused.errors()).containsOnlyKeys(ItemField.INVENTORY_NUMBER, ItemField.SERIAL_NUMBER, ItemField.TYPE,
        ItemField.ACCESSORIES, ItemField.STATUS);
    assertThat(refused.about(ItemField.INVENTORY_NUMBER))
        .isEqualTo("Le numéro d'inventaire « " + number.toUpperCase() + " » est déjà celui d'un autre matériel ("
            + drones.name() + ", n° de série SN-1).");
    assertThat(refused.about(ItemField.SERIAL_NUMBER)).isEqualTo("Le champ « Numéro de série » est obligatoire.");
    assertThat(refused.about(ItemField.TYPE)).startsWith("Le type « Trottinette » n'existe pas dans le catalogue");
    assertThat(refused.about(ItemField.ACCESSORIES)).startsWith("L'accessoire « batterie » figure deux fois");
    assertThat(refused.about(ItemField.STATUS)).isEqualTo("Statut « Cassé » inconnu : Disponible, En maintenance, Réformé.");

    Item same = catalogue.update(drone.id(), new ItemDraft(number, "SN-1", drones.name(), "Radiocommande", "Disponible",
        null), "test");
    assertThat(same.accessories()).containsExactly("Radiocommande");
    assertThat(catalogue.setStatus(drone.id(), ItemStatus.RETIRED, "test").status().label()).isEqualTo("Réformé");
    assertThatThrownBy(() -> catalogue.addType(" " + drones.name().toLowerCase() + " ", "test"))
        .hasMessage("Le type « " + drones.name().toLowerCase() + " » existe déjà.");
  }

  @Test
  void aGoodFileImportsEveryRow() {
    String a = InventoryFixtures.unique("DRN-");
    String b = InventoryFixtures.unique("DRN-");
    String file = HEADER
        + a + ";SN-A;" + drones.name() + ";Radiocommande | Batterie | Chargeur;Disponible;\r\n"
        + "\r\n"
        + b + ";SN-B;" + drones.name() + ";\"Câble; 1 m | Sacoche\";En maintenance;\"Ligne 1\nLigne 2 \"\"citée\"\"\"\r\n";

    CatalogueCsv.Imported imported = csv.importCsv(file.getBytes(StandardCharsets.UTF_8), "test");

    assertThat(imported).isEqualTo(new CatalogueCsv.Imported(2, 0));
    assertThat(imported.french()).isEqualTo("2 matériels ajoutés, 0 mis à jour.");
    assertThat(catalogue.itemNumbered(a).orElseThrow().accessories()).containsExactly("Radiocommande", "Batterie", "Chargeur");
    Item second = catalogue.itemNumbered(b).orElseThrow();
    assertThat(second.accessories()).containsExactly("Câble; 1 m", "Sacoche");
    assertThat(second.status()).isEqualTo(ItemStatus.IN_MAINTENANCE);
    assertThat(second.notes()).isEqualTo("Ligne 1\nLigne 2 \"citée\"");
  }

  @Test
  void aFileWithErrorsImportsNothingAndSaysWhatIsWrongInEachRefusedRow() {
    String good = InventoryFixtures.unique("DRN-");
    String twice = InventoryFixtures.unique("DRN-");
    String file = HEADER
        + twice + ";SN-1;" + drones.name() + ";;Disponible;\r\n"
        + good + ";SN-2;" + drones.name() + ";;Disponible;\r\n"
        + twice + ";SN-3;Trottinette;;Perdu;\r\n"
        + "seulement;trois;colonnes\r\n";

    CatalogueCsv.CsvRefused refused = catchThrowableOfType(CatalogueCsv.CsvRefused.class,
        () -> csv.importCsv(file.getBytes(StandardCharsets.UTF_8), "test"));

    assertThat(refused.messages()).hasSize(2);
    assertThat(refused.messages().get(0))
        .startsWith("Ligne 4 : Le numéro d'inventaire « " + twice + " » figure déjà ligne 2.")
        .contains("Le type « Trottinette » n'existe pas")
        .contains("Statut « Perdu » inconnu");
    assertThat(refused.messages().get(1)).isEqualTo("Ligne 5 : 3 colonnes au lieu de 6 (séparées par « ; »).");
    assertThat(refused.getMessage()).startsWith("Fichier refusé, rien n'a été importé.");
    assertThat(catalogue.itemNumbered(good)).as("nothing imported").isEmpty();
    assertThat(catalogue.itemNumbered(twice)).isEmpty();
  }

  @Test
  void anExportedFileImportsBackUnchanged() {
    catalogue.create(new ItemDraft(InventoryFixtures.unique("RT-"), "SN;avec \"guillemets\"", drones.name(),
        "Radiocommande\nBatterie", "Réformé", "Chute le 3 mars\nnon réparable"), "test");
    byte[] exported = csv.export();
    String text = new String(exported, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF" + HEADER);

    CatalogueCsv.Imported imported = csv.importCsv(exported, "test");

    assertThat(imported.added()).isZero();
    assertThat(imported.updated()).isEqualTo(catalogue.items().size());
    assertThat(csv.export()).isEqualTo(exported);
  }

  @Test
  void aMalformedFileIsRefusedWithOneFrenchSentence() {
    assertThat(refusal("Numéro;Série\r\nA;B\r\n".getBytes(StandardCharsets.UTF_8)))
        .startsWith("La première ligne doit être l'en-tête « Numéro d'inventaire;Numéro de série;Type;Accessoires;Statut;Notes »");
    assertThat(refusal(new byte[0])).startsWith("Le fichier est vide");
    assertThat(refusal((HEADER + "A;B;Drone;;Disponible;é").getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("Le fichier n'est pas encodé en UTF-8");
    assertThat(refusal((HEADER + "A;\"B;Drone;;Disponible;\r\n").getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("Ligne 2 : un guillemet ouvert n'est jamais fermé.");
    assertThat(refusal((HEADER + "A;\"B\"x;Drone;;Disponible;\r\n").getBytes(StandardCharsets.UTF_8)))
        .startsWith("Ligne 2 : un texte suit le guillemet fermant");
  }

  private String refusal(byte[] file) {
    CatalogueCsv.CsvRefused refused = catchThrowableOfType(CatalogueCsv.CsvRefused.class, () -> csv.importCsv(file, "test"));
    assertThat(refused.messages()).hasSize(1);
    return refused.messages().get(0);
  }
}
