package fr.manche.tna.inventory.web;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.EquipmentType;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Periods;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /disponibilites}, for members and staff: for a type of equipment, the days over the coming weeks when
 * some of its items are free, then each item's days, as weeks of seven days (readable on a phone). Read from the
 * one availability ({@link Availability}): what the page says free is what a request may reserve.
 */
@Controller
class AvailabilityController {

  static final int WEEKS = 8;
  private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.FRENCH);

  private final Catalogue catalogue;
  private final Availability availability;

  AvailabilityController(Catalogue catalogue, Availability availability) {
    this.catalogue = catalogue;
    this.availability = availability;
  }

  /** One day of a calendar: its date, a short text, its state (CSS class) and what a screen reader says. */
  record Day(LocalDate date, String number, String text, String state, String label) {}

  /** A calendar: its title, what it is about, and its weeks (Monday to Sunday). */
  record Calendar(String title, String summary, List<List<Day>> weeks, Long itemId) {}

  @GetMapping("/disponibilites")
  String page(
      @RequestParam(name = "type", required = false) Long typeId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) throws IOException {
    if (CurrentUser.of(request).isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return null;
    }
    List<EquipmentType> types = catalogue.types();
    EquipmentType chosen = types.stream().filter(type -> typeId != null && type.id() == typeId).findFirst()
        .orElse(types.isEmpty() ? null : types.get(0));
    LocalDate today = ParisTime.today();
    LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate to = from.plusWeeks(WEEKS).minusDays(1);
    model.addAttribute("types", types);
    model.addAttribute("chosen", chosen);
    model.addAttribute("period", Periods.french(today, to));
    if (chosen != null) {
      List<Item> items = catalogue.itemsOfType(chosen.id()).stream()
          .filter(item -> item.status() != ItemStatus.RETIRED).toList();
      Map<Long, Set<LocalDate>> reserved = availability.reservedDays(items.stream().map(Item::id).toList(), from, to);
      model.addAttribute("typeCalendar", typeCalendar(chosen, items, reserved, from, today));
      List<Calendar> calendars = new ArrayList<>();
      for (Item item : items) {
        calendars.add(itemCalendar(item, reserved.getOrDefault(item.id(), Set.of()), from, today));
      }
      model.addAttribute("itemCalendars", calendars);
    }
    return "inventory/disponibilites";
  }

  private static Calendar typeCalendar(EquipmentType type, List<Item> items, Map<Long, Set<LocalDate>> reserved,
      LocalDate from, LocalDate today) {
    List<Item> lendable = items.stream().filter(item -> item.status() == ItemStatus.AVAILABLE).toList();
    List<Day> days = new ArrayList<>();
    for (LocalDate day = from; days.size() < WEEKS * 7; day = day.plusDays(1)) {
      if (day.isBefore(today)) {
        days.add(past(day, from));
        continue;
      }
      LocalDate date = day;
      long free = lendable.stream().filter(item -> !reserved.getOrDefault(item.id(), Set.of()).contains(date)).count();
      days.add(new Day(day, number(day, from), free + "/" + lendable.size(), free > 0 ? "libre" : "pris",
          ParisTime.formatDate(day) + " : " + free + (free > 1 ? " libres" : " libre") + " sur " + lendable.size()));
    }
    return new Calendar(type.name(), lendable.size() + (lendable.size() > 1 ? " matériels prêtables" : " matériel prêtable")
        + " ; chaque jour, le nombre de matériels libres.", weeks(days), null);
  }

  private static Calendar itemCalendar(Item item, Set<LocalDate> reserved, LocalDate from, LocalDate today) {
    List<Day> days = new ArrayList<>();
    for (LocalDate day = from; days.size() < WEEKS * 7; day = day.plusDays(1)) {
      if (day.isBefore(today)) {
        days.add(past(day, from));
      } else if (item.status() != ItemStatus.AVAILABLE) {
        days.add(new Day(day, number(day, from), "—", "indisponible", ParisTime.formatDate(day) + " : "
            + item.status().label().toLowerCase(Locale.FRENCH)));
      } else if (reserved.contains(day)) {
        days.add(new Day(day, number(day, from), "pris", "pris", ParisTime.formatDate(day) + " : réservé"));
      } else {
        days.add(new Day(day, number(day, from), "libre", "libre", ParisTime.formatDate(day) + " : libre"));
      }
    }
    String summary = item.status() == ItemStatus.AVAILABLE
        ? (item.accessories().isEmpty() ? "" : "Lot : " + String.join(", ", item.accessories()) + ".")
        : item.status().label() + " : ne peut pas être réservé.";
    return new Calendar("n° " + item.inventoryNumber(), summary, weeks(days), item.id());
  }

  private static Day past(LocalDate day, LocalDate from) {
    return new Day(day, number(day, from), "", "passe", ParisTime.formatDate(day) + " : passé");
  }

  /** The day's number; with its month on the first day shown and on the first of a month. */
  private static String number(LocalDate day, LocalDate from) {
    return day.equals(from) || day.getDayOfMonth() == 1 ? day.format(DAY_AND_MONTH) : String.valueOf(day.getDayOfMonth());
  }

  private static List<List<Day>> weeks(List<Day> days) {
    List<List<Day>> weeks = new ArrayList<>();
    for (int i = 0; i < days.size(); i += 7) {
      weeks.add(days.subList(i, i + 7));
    }
    return weeks;
  }
}
