package fr.manche.tna.inventory;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of the département's equipment: types and items, their kits and statuses. Every change goes
 * through {@link #check}: a refused item changes nothing and says, per field, what is wrong in French.
 */
@Service
public class Catalogue {

  static final int MAX_ACCESSORIES = 30;
  private static final Pattern INVENTORY_NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9._/-]*");

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Catalogue(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<EquipmentType> types() {
    return jdbc.sql("select id, name from equipment_type order by name")
        .query((rs, row) -> new EquipmentType(rs.getLong(1), rs.getString(2))).list();
  }

  public Optional<EquipmentType> type(long id) {
    return types().stream().filter(type -> type.id() == id).findFirst();
  }

  public Optional<EquipmentType> typeNamed(String name) {
    String wanted = name == null ? "" : name.trim();
    return types().stream().filter(type -> type.name().equalsIgnoreCase(wanted)).findFirst();
  }

  /** Adds a type, or refuses in French a blank, too long or already known name. */
  @Transactional
  public EquipmentType addType(String name, String actor) {
    String checked = Inputs.required(name, "Type de matériel", 100);
    if (typeNamed(checked).isPresent()) {
      throw new InvalidInputException("Le type « " + checked + " » existe déjà.");
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into equipment_type (name) values (?)").param(checked).update(keys, "id");
    audit.record(actor, "Type de matériel ajouté", checked, null, null);
    return new EquipmentType(keys.getKey().longValue(), checked);
  }

  /** Every item, by type then inventory number. */
  public List<Item> items() {
    return withAccessories(jdbc.sql(SELECT + " order by t.name, i.inventory_number").query(this::map).list());
  }

  public List<Item> itemsOfType(long typeId) {
    return withAccessories(
        jdbc.sql(SELECT + " where i.type_id = ? order by i.inventory_number").param(typeId).query(this::map).list());
  }

  public Optional<Item> item(long id) {
    return withAccessories(jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::map).list()).stream().findFirst();
  }

  public Optional<Item> itemNumbered(String inventoryNumber) {
    String wanted = inventoryNumber == null ? "" : inventoryNumber.trim().toUpperCase(Locale.ROOT);
    return withAccessories(jdbc.sql(SELECT + " where i.inventory_number = ?").param(wanted).query(this::map).list())
        .stream().findFirst();
  }

  /** Adds an item; refused ({@link InvalidItemException}) with a French message per field at fault. */
  @Transactional
  public Item create(ItemDraft draft, String actor) {
    Checked item = checkOrRefuse(draft, null);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into equipment_item (inventory_number, serial_number, type_id, status, notes)
            values (?, ?, ?, ?, ?)
            """)
        .params(item.inventoryNumber, item.serialNumber, item.type.id(), item.status.name(), item.notes)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    writeAccessories(id, item.accessories);
    audit.record(actor, "Matériel ajouté au catalogue", item.inventoryNumber + " (" + item.type.name() + ")", null,
        item.status.label());
    return item(id).orElseThrow();
  }

  /** Changes an item (its number too, if still unique); refused per field as {@link #create}. */
  @Transactional
  public Item update(long id, ItemDraft draft, String actor) {
    Item before = item(id).orElseThrow(() -> new InvalidInputException("Ce matériel n'existe pas."));
    Checked item = checkOrRefuse(draft, id);
    jdbc.sql("""
            update equipment_item set inventory_number = ?, serial_number = ?, type_id = ?, status = ?, notes = ?
            where id = ?
            """)
        .params(item.inventoryNumber, item.serialNumber, item.type.id(), item.status.name(), item.notes, id)
        .update();
    jdbc.sql("delete from equipment_accessory where item_id = ?").param(id).update();
    writeAccessories(id, item.accessories);
    String details = before.status() == item.status ? null : before.status().label() + " → " + item.status.label();
    audit.record(actor, "Matériel modifié", item.inventoryNumber + " (" + item.type.name() + ")", null, details);
    return item(id).orElseThrow();
  }

  /** Sets an item's status (« Disponible », « En maintenance », « Réformé »). */
  @Transactional
  public Item setStatus(long id, ItemStatus status, String actor) {
    Item before = item(id).orElseThrow(() -> new InvalidInputException("Ce matériel n'existe pas."));
    jdbc.sql("update equipment_item set status = ? where id = ?").params(status.name(), id).update();
    audit.record(actor, "Statut du matériel changé", before.inventoryNumber() + " (" + before.typeName() + ")", null,
        before.status().label() + " → " + status.label());
    return item(id).orElseThrow();
  }

  /**
   * What is wrong with an item as submitted, one French message per field (empty when it may be saved).
   * {@code itemId} is the item it would replace (its own number is not a duplicate), null for a new one.
   */
  public Map<ItemField, String> check(ItemDraft draft, Long itemId) {
    Map<ItemField, String> errors = new EnumMap<>(ItemField.class);
    parse(draft, itemId, errors);
    return errors;
  }

  /** The item as it would be saved, or the refusal naming each field at fault. */
  private Checked checkOrRefuse(ItemDraft draft, Long itemId) {
    Map<ItemField, String> errors = new EnumMap<>(ItemField.class);
    Checked checked = parse(draft, itemId, errors);
    if (!errors.isEmpty()) {
      throw new InvalidItemException(errors);
    }
    return checked;
  }

  private Checked parse(ItemDraft draft, Long itemId, Map<ItemField, String> errors) {
    Checked item = new Checked();
    item.inventoryNumber = field(errors, ItemField.INVENTORY_NUMBER, () -> {
      String number = Inputs.required(draft.inventoryNumber(), ItemField.INVENTORY_NUMBER.label(), 30).toUpperCase(Locale.ROOT);
      if (!INVENTORY_NUMBER.matcher(number).matches()) {
        throw new InvalidInputException("Le numéro d'inventaire « " + number
            + " » ne peut contenir que des lettres sans accent, des chiffres, et les signes - _ . /");
      }
      Optional<Item> holder = itemNumbered(number);
      if (holder.isPresent() && (itemId == null || holder.get().id() != itemId)) {
        throw new InvalidInputException("Le numéro d'inventaire « " + number + " » est déjà celui d'un autre matériel ("
            + holder.get().typeName() + ", n° de série " + holder.get().serialNumber() + ").");
      }
      return number;
    });
    item.serialNumber = field(errors, ItemField.SERIAL_NUMBER,
        () -> Inputs.required(draft.serialNumber(), ItemField.SERIAL_NUMBER.label(), 100));
    item.type = field(errors, ItemField.TYPE, () -> {
      String name = Inputs.required(draft.type(), ItemField.TYPE.label());
      return typeNamed(name).orElseThrow(() -> new InvalidInputException("Le type « " + name
          + " » n'existe pas dans le catalogue : choisissez l'un de ceux-ci, ou ajoutez-le d'abord sur la page Matériel ("
          + String.join(", ", types().stream().map(EquipmentType::name).toList()) + ")."));
    });
    item.accessories = field(errors, ItemField.ACCESSORIES, () -> accessories(draft.accessories()));
    item.status = field(errors, ItemField.STATUS, () -> ItemStatus.fromSubmitted(
        Inputs.required(draft.status(), ItemField.STATUS.label())));
    item.notes = field(errors, ItemField.NOTES, () -> Inputs.optional(draft.notes(), ItemField.NOTES.label(), 2000));
    return item;
  }

  /** The accessories of a kit, written one per line or separated by « | »; blanks dropped, order kept. */
  static List<String> accessories(String text) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (text == null) {
      return names;
    }
    for (String part : text.split("\\R|\\|")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (name.length() > 100) {
        throw new InvalidInputException("L'accessoire « " + name.substring(0, 30) + "… » dépasse 100 caractères.");
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidInputException("L'accessoire « " + name + " » figure deux fois : nommez chacun une seule fois "
            + "(« Manette gauche », « Manette droite »).");
      }
      names.add(name);
    }
    if (names.size() > MAX_ACCESSORIES) {
      throw new InvalidInputException("Un lot compte au plus " + MAX_ACCESSORIES + " accessoires (ici " + names.size() + ").");
    }
    return names;
  }

  private static <T> T field(Map<ItemField, String> errors, ItemField field, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidInputException e) {
      errors.put(field, e.getMessage());
      return null;
    }
  }

  private void writeAccessories(long itemId, List<String> accessories) {
    for (int i = 0; i < accessories.size(); i++) {
      jdbc.sql("insert into equipment_accessory (item_id, position, name) values (?, ?, ?)")
          .params(itemId, i + 1, accessories.get(i)).update();
    }
  }

  private static final String SELECT = """
      select i.id, i.inventory_number, i.serial_number, i.type_id, t.name as type_name, i.status, i.notes
      from equipment_item i join equipment_type t on t.id = i.type_id""";

  private Item map(ResultSet rs, int row) throws SQLException {
    return new Item(rs.getLong("id"), rs.getString("inventory_number"), rs.getString("serial_number"),
        rs.getLong("type_id"), rs.getString("type_name"), ItemStatus.valueOf(rs.getString("status")), List.of(),
        rs.getString("notes"));
  }

  private List<Item> withAccessories(List<Item> items) {
    if (items.isEmpty()) {
      return items;
    }
    Map<Long, List<String>> kits = new LinkedHashMap<>();
    org.springframework.jdbc.core.RowCallbackHandler collect =
        rs -> kits.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
    if (items.size() == 1) {
      jdbc.sql("select item_id, name from equipment_accessory where item_id = ? order by position")
          .param(items.get(0).id()).query(collect);
    } else {
      jdbc.sql("select item_id, name from equipment_accessory order by item_id, position").query(collect);
    }
    return items.stream()
        .map(i -> new Item(i.id(), i.inventoryNumber(), i.serialNumber(), i.typeId(), i.typeName(), i.status(),
            List.copyOf(kits.getOrDefault(i.id(), List.of())), i.notes()))
        .toList();
  }

  private static final class Checked {
    String inventoryNumber;
    String serialNumber;
    EquipmentType type;
    List<String> accessories;
    ItemStatus status;
    String notes;
  }
}
