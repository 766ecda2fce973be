package fr.manche.tna.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.ApplicationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's catalogue passes the catalogue's own checks: a dozen items of five types, written once. */
@ApplicationTest
class DemoCatalogueTest {

  @Autowired Catalogue catalogue;
  @Autowired Availability availability;

  @Test
  void theDemoCatalogueHoldsADozenItemsOfFiveTypesOnce() {
    DemoCatalogue demo = new DemoCatalogue(catalogue, availability);
    demo.seed();

    List<Item> items = DemoCatalogue.ITEMS.stream()
        .map(draft -> catalogue.itemNumbered(draft.inventoryNumber()).orElseThrow()).toList();
    assertThat(items).hasSize(12);
    assertThat(items).extracting(Item::typeName).containsOnlyElementsOf(DemoCatalogue.TYPES)
        .containsAll(DemoCatalogue.TYPES);
    assertThat(items).extracting(Item::status).contains(ItemStatus.IN_MAINTENANCE, ItemStatus.RETIRED);
    assertThat(items).allMatch(item -> !item.accessories().isEmpty(), "each item has its kit");
    Item drone = catalogue.itemNumbered("INV-010").orElseThrow();
    assertThat(availability.isFree(drone.id(), ParisTime.today().plusDays(8), ParisTime.today().plusDays(8))).isFalse();

    assertThat(demo.seed()).as("a restart adds nothing").isZero();
  }
}
