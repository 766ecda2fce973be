package fr.manche.tna.handover.web;

import fr.manche.tna.handover.OpeningHours;
import fr.manche.tna.handover.PublicHolidays;
import fr.manche.tna.inventory.Periods;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's page {@code /horaires} (R12, issue 11 item 1): the weekly opening hours for handovers, the slot's
 * length and capacity, the closures, and the public holidays to come (computed). The equipment managers and the
 * administrators change them, the other staff read. Bad input gets its French message next to its field and changes
 * nothing (the week is saved in one transaction).
 */
@Controller
class OpeningHoursController {

  static final String PATH = "/horaires";
  private static final Logger LOG = LoggerFactory.getLogger(OpeningHoursController.class);

  private final OpeningHours hours;
  private final WeekSaver saver;

  OpeningHoursController(OpeningHours hours, WeekSaver saver) {
    this.hours = hours;
    this.saver = saver;
  }

  /** A weekday as the page shows it: its form name (« lundi »), its hours as typed. */
  public record DayRow(String name, String label, String typed) {}

  /** A closure as the page lists it. */
  public record ClosureRow(long id, String period, String reason) {}

  @GetMapping(PATH)
  String page(@RequestAttribute("currentUser") CurrentUser user, Model model) {
    return render(model, user, typedWeek(), String.valueOf(hours.settings().slotMinutes()),
        String.valueOf(hours.settings().capacity()), Map.of(), "", "", "");
  }

  /** The week and the slot, in one submission: every field is checked before anything is saved. */
  @PostMapping(PATH)
  String saveWeek(@RequestParam Map<String, String> form, @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    Map<String, String> typed = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      typed.put(OpeningHours.weekday(day), form.getOrDefault(OpeningHours.weekday(day), ""));
    }
    String slot = form.getOrDefault("creneau", "");
    String capacity = form.getOrDefault("capacite", "");
    Map<String, String> errors = saver.save(typed, slot, capacity, user.userId());
    if (errors.isEmpty()) {
      redirect.addFlashAttribute("message", "Horaires enregistrés : les créneaux proposés aux structures les suivent dès maintenant.");
      return "redirect:" + PATH;
    }
    LOG.info("Horaires de remise refusés : {}", Logs.safe(String.join(" ", errors.values())));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return render(model, user, typed, slot, capacity, errors, "", "", "");
  }

  @PostMapping(PATH + "/fermetures")
  String addClosure(@RequestParam(defaultValue = "") String premierJour, @RequestParam(defaultValue = "") String dernierJour,
      @RequestParam(defaultValue = "") String motif, @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    try {
      OpeningHours.Closure closure = hours.addClosure(premierJour, dernierJour, motif, user.userId());
      redirect.addFlashAttribute("message", "Fermeture enregistrée " + Periods.french(closure.first(), closure.last())
          + " : aucun créneau n'est proposé ces jours-là.");
      return "redirect:" + PATH;
    } catch (InvalidInputException refused) {
      LOG.info("Fermeture refusée : {}", Logs.safe(refused.getMessage()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(model, user, typedWeek(), String.valueOf(hours.settings().slotMinutes()),
          String.valueOf(hours.settings().capacity()), Map.of("fermeture", refused.getMessage()), premierJour, dernierJour, motif);
    }
  }

  @PostMapping(PATH + "/fermetures/{id}/supprimer")
  String removeClosure(@PathVariable String id, @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    try {
      if (!id.matches("\\d{1,18}")) {
        throw new InvalidInputException("Cette fermeture n'existe pas.");
      }
      hours.removeClosure(Long.parseLong(id), user.userId());
      redirect.addFlashAttribute("message", "Fermeture supprimée.");
    } catch (InvalidInputException refused) {
      redirect.addFlashAttribute("erreur", refused.getMessage());
    }
    return "redirect:" + PATH;
  }

  private Map<String, String> typedWeek() {
    Map<String, String> typed = new LinkedHashMap<>();
    hours.week().forEach((day, ranges) -> typed.put(OpeningHours.weekday(day),
        ranges.stream().map(range -> range.opens() + "-" + range.closes()).collect(Collectors.joining(", "))));
    return typed;
  }

  private String render(Model model, CurrentUser user, Map<String, String> typed, String slot, String capacity,
      Map<String, String> errors, String closureFirst, String closureLast, String closureReason) {
    List<DayRow> days = new ArrayList<>();
    typed.forEach((name, value) -> days.add(new DayRow(name, Character.toUpperCase(name.charAt(0)) + name.substring(1), value)));
    model.addAttribute("days", days);
    model.addAttribute("creneau", slot);
    model.addAttribute("capacite", capacity);
    model.addAttribute("errors", errors);
    model.addAttribute("closures", hours.closures().stream()
        .map(closure -> new ClosureRow(closure.id(), Periods.french(closure.first(), closure.last()), closure.reason())).toList());
    model.addAttribute("closure", Map.of("premierJour", closureFirst, "dernierJour", closureLast, "motif", closureReason));
    LocalDate today = ParisTime.today();
    List<String> holidays = new ArrayList<>();
    for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
      PublicHolidays.of(year).forEach((day, name) -> {
        if (!day.isBefore(today) && day.isBefore(today.plusYears(1))) {
          holidays.add(ParisTime.formatDate(day) + " : " + name);
        }
      });
    }
    model.addAttribute("holidays", holidays);
    model.addAttribute("mayAct", user.managesEquipment());
    return "handover/horaires";
  }


  /** Saves the week and the slot in one transaction, after checking every field: one refusal changes nothing. */
  @org.springframework.stereotype.Component
  static class WeekSaver {

    private final OpeningHours hours;

    WeekSaver(OpeningHours hours) {
      this.hours = hours;
    }

    @Transactional
    Map<String, String> save(Map<String, String> typed, String slot, String capacity, String actor) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (DayOfWeek day : DayOfWeek.values()) {
        try {
          hours.setDay(day, typed.get(OpeningHours.weekday(day)), actor);
        } catch (InvalidInputException refused) {
          errors.put(OpeningHours.weekday(day), refused.getMessage());
        }
      }
      try {
        hours.setSettings(slot, capacity, actor);
      } catch (InvalidInputException refused) {
        errors.put(refused.getMessage().contains("créneau") ? "creneau" : "capacite", refused.getMessage());
      }
      if (!errors.isEmpty()) {
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      }
      return errors;
    }
  }
}
