package fr.manche.tna.inventory;

import fr.manche.tna.platform.InvalidInputException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An item refused by the catalogue's checks: one French message per field at fault (keys are the
 * {@link ItemField}s), shown next to each field on the pages, and all together in one sentence elsewhere.
 */
public class InvalidItemException extends InvalidInputException {

  private final Map<ItemField, String> errors;

  public InvalidItemException(Map<ItemField, String> errors) {
    super(errors.values().stream().collect(Collectors.joining(" ")));
    this.errors = Map.copyOf(errors);
  }

  public Map<ItemField, String> errors() {
    return errors;
  }

  /** The message about one field, or null: what the page shows next to it. */
  public String about(ItemField field) {
    return errors.get(field);
  }
}
