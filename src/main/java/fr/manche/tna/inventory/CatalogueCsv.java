package fr.manche.tna.inventory;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as a CSV file, as French spreadsheets write it: UTF-8, « ; » between columns, a header row in
 * French ({@link #HEADER}), the accessories of a kit separated by « | » in their cell. Export and import use the
 * same columns: an exported file imports back unchanged. An import checks every row first and imports nothing
 * when one is refused: {@link CsvRefused} lists one French message per refused row.
 */
@Service
public class CatalogueCsv {

  public static final List<String> HEADER = Arrays.stream(ItemField.values()).map(ItemField::label).toList();
  static final int MAX_ROWS = 2000;
  private static final char SEPARATOR = ';';
  private static final String BOM = "\uFEFF";

  /** What an import did. */
  public record Imported(int added, int updated) {
    public String french() {
      return added + (added > 1 ? " matériels ajoutés" : " matériel ajouté") + ", " + updated
          + (updated > 1 ? " mis à jour." : " mis à jour.");
    }
  }

  /** A file refused: one French message per refused row (or one about the whole file); nothing was imported. */
  public static class CsvRefused extends InvalidInputException {
    private final List<String> messages;

    public CsvRefused(List<String> messages) {
      super("Fichier refusé, rien n'a été importé. " + String.join(" ", messages));
      this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
      return messages;
    }
  }

  private final Catalogue catalogue;
  private final AuditLog audit;

  CatalogueCsv(Catalogue catalogue, AuditLog audit) {
    this.catalogue = catalogue;
    this.audit = audit;
  }

  /** Every item, one row each, by type then inventory number; starts with a byte order mark, as spreadsheets expect. */
  public byte[] export() {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, HEADER);
    for (Item item : catalogue.items()) {
      line(csv, List.of(item.inventoryNumber(), item.serialNumber(), item.typeName(),
          String.join(" | ", item.accessories()), item.status().label(), item.notes() == null ? "" : item.notes()));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Imports a file: a row whose inventory number is in the catalogue updates that item, any other row adds one.
   * Every row is checked before anything is written; one refused row refuses the file.
   *
   * @throws CsvRefused in French, a message per refused row (its line number in the file and what is wrong)
   */
  @Transactional
  public Imported importCsv(byte[] file, String actor) {
    List<Row> rows = rows(file);
    List<String> refusals = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<ItemDraft> drafts = new ArrayList<>();
    for (Row row : rows) {
      if (row.cells.size() != HEADER.size()) {
        refusals.add("Ligne " + row.line + " : " + row.cells.size() + (row.cells.size() > 1 ? " colonnes" : " colonne")
            + " au lieu de " + HEADER.size() + " (séparées par « ; »).");
        continue;
      }
      ItemDraft draft = new ItemDraft(row.cells.get(0), row.cells.get(1), row.cells.get(2), row.cells.get(3),
          row.cells.get(4), row.cells.get(5));
      Optional<Item> existing = catalogue.itemNumbered(draft.inventoryNumber());
      Map<ItemField, String> errors = catalogue.check(draft, existing.map(Item::id).orElse(null));
      String number = draft.inventoryNumber() == null ? "" : draft.inventoryNumber().trim().toUpperCase(Locale.ROOT);
      Integer first = number.isEmpty() ? null : seen.putIfAbsent(number, row.line);
      if (first != null) {
        errors.merge(ItemField.INVENTORY_NUMBER,
            "Le numéro d'inventaire « " + number + " » figure déjà ligne " + first + ".", (a, b) -> a + " " + b);
      }
      if (errors.isEmpty()) {
        drafts.add(draft);
      } else {
        refusals.add("Ligne " + row.line + " : " + String.join(" ", errors.values()));
      }
    }
    if (!refusals.isEmpty()) {
      throw new CsvRefused(refusals);
    }
    int added = 0;
    int updated = 0;
    for (ItemDraft draft : drafts) {
      Optional<Item> existing = catalogue.itemNumbered(draft.inventoryNumber());
      if (existing.isPresent()) {
        catalogue.update(existing.get().id(), draft, actor);
        updated++;
      } else {
        catalogue.create(draft, actor);
        added++;
      }
    }
    Imported imported = new Imported(added, updated);
    audit.record(actor, "Catalogue importé (CSV)", imported.french(), null, null);
    return imported;
  }

  private record Row(int line, List<String> cells) {}

  /** The data rows of a file, after its header; refuses a file that is not UTF-8, empty, or malformed. */
  private static List<Row> rows(byte[] file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file == null ? new byte[0] : file))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CsvRefused(List.of("Le fichier n'est pas encodé en UTF-8 : dans le tableur, enregistrez-le en "
          + "« CSV UTF-8 (délimité par des points-virgules) »."));
    }
    if (text.startsWith(BOM)) {
      text = text.substring(1);
    }
    List<Row> all = parse(text);
    if (all.isEmpty()) {
      throw new CsvRefused(List.of("Le fichier est vide : il doit commencer par la ligne d'en-tête « "
          + String.join(";", HEADER) + " »."));
    }
    List<String> header = all.get(0).cells.stream().map(String::trim).toList();
    if (!header.equals(HEADER)) {
      throw new CsvRefused(List.of("La première ligne doit être l'en-tête « " + String.join(";", HEADER)
          + " » (colonnes séparées par « ; ») ; elle est « " + String.join(";", all.get(0).cells) + " »."));
    }
    List<Row> data = all.subList(1, all.size());
    if (data.size() > MAX_ROWS) {
      throw new CsvRefused(List.of("Le fichier compte " + data.size() + " lignes : au plus " + MAX_ROWS + " par import."));
    }
    return data;
  }

  /** RFC 4180 with « ; »: quoted cells may hold « ; », line breaks and doubled quotes. Blank lines are skipped. */
  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        cell.setLength(0);
      } else if (c == SEPARATOR) {
        cells.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        if (!(cells.size() == 1 && cells.get(0).isBlank())) {
          rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        wasQuoted = false;
        line++;
        rowLine = line;
      } else if (wasQuoted) {
        if (!Character.isWhitespace(c)) {
          throw new CsvRefused(List.of("Ligne " + rowLine + " : un texte suit le guillemet fermant d'une cellule ; "
              + "un guillemet dans une cellule s'écrit deux fois (\"\")."));
        }
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new CsvRefused(List.of("Ligne " + rowLine + " : un guillemet ouvert n'est jamais fermé."));
    }
    cells.add(cell.toString());
    if (!(cells.size() == 1 && cells.get(0).isBlank())) {
      rows.add(new Row(rowLine, List.copyOf(cells)));
    }
    return rows;
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(SEPARATOR);
      }
      String cell = cells.get(i);
      if (cell.indexOf(SEPARATOR) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
          || (!cell.isEmpty() && (Character.isWhitespace(cell.charAt(0)) || "=+-@".indexOf(cell.charAt(0)) >= 0))) {
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(cell);
      }
    }
    csv.append("\r\n");
  }
}
