package fr.manche.tna.inventory;

import java.util.concurrent.atomic.AtomicLong;

/** Types and items with names no other test uses (the tests share one database). */
final class InventoryFixtures {

  private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private InventoryFixtures() {}

  static String unique(String prefix) {
    return prefix + NEXT.incrementAndGet();
  }

  static EquipmentType type(Catalogue catalogue, String name) {
    return catalogue.addType(unique(name + " "), "test");
  }

  static Item item(Catalogue catalogue, EquipmentType type, String... accessories) {
    return catalogue.create(new ItemDraft(unique("INV-"), unique("SN"), type.name(), String.join("\n", accessories),
        "Disponible", null), "test");
  }
}
