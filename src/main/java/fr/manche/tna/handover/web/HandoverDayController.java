package fr.manche.tna.handover.web;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.OpeningHours;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's page {@code /remises} (R12, issue 11 item 2): the day's handover appointments in time order, who
 * comes for which loan, what became of each, and the equipment managers' open task of each one held. Any day may
 * be shown ({@code ?jour=JJ/MM/AAAA}, today by default, Paris time); a day that cannot be read gets its French
 * message next to the field, and today is shown. Staff only: the staff pages' guard lets nobody else in.
 */
@Controller
class HandoverDayController {

  static final String PATH = "/remises";
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H'h'mm", Locale.FRENCH);
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final String FIELD = "Jour (JJ/MM/AAAA)";

  private final Bookings bookings;
  private final OpeningHours hours;
  private final LoanRequestService loans;
  private final OrganisationRepository organisations;
  private final AccountService accounts;

  HandoverDayController(Bookings bookings, OpeningHours hours, LoanRequestService loans,
      OrganisationRepository organisations, AccountService accounts) {
    this.bookings = bookings;
    this.hours = hours;
    this.loans = loans;
    this.organisations = organisations;
    this.accounts = accounts;
  }

  /** One appointment as the page lists it. */
  public record Row(long id, String hours, String kind, long loanId, String organisation, String items, String bookedBy,
      String state, String processInstanceId, boolean held) {}

  @GetMapping(PATH)
  String page(@RequestParam(name = "jour", required = false) String typed,
      @RequestAttribute("currentUser") CurrentUser user, Model model) {
    LocalDate today = ParisTime.today();
    LocalDate day = today;
    String error = null;
    if (typed != null && !typed.isBlank()) {
      try {
        day = ParisTime.parseDate(typed, FIELD);
      } catch (InvalidInputException refused) {
        error = refused.getMessage() + " Voici les remises d'aujourd'hui.";
      }
    }
    Map<Long, LoanRequest> loansById = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (Booking booking : bookings.onDay(day)) {
      LoanRequest loan = loansById.computeIfAbsent(booking.loanRequestId(), loans::find);
      String organisation = names.computeIfAbsent(loan.organisationId(), id -> organisations.findById(id)
          .map(Organisation::name).orElse("Structure n° " + id));
      String kind = booking.kind().noun();
      rows.add(new Row(booking.id(), booking.slot().start().format(HOUR) + " – " + booking.slot().end().format(HOUR),
          Character.toUpperCase(kind.charAt(0)) + kind.substring(1), loan.id(), organisation, loan.itemsNamed(),
          who(booking.bookedBy()), booking.status().label(), booking.processInstanceId(),
          booking.held() && booking.processInstanceId() != null));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("dayLabel", dayName(day) + " " + ParisTime.formatDate(day));
    model.addAttribute("isToday", day.equals(today));
    model.addAttribute("jour", error == null ? day.format(TYPED) : typed);
    model.addAttribute("error", error);
    model.addAttribute("previous", day.minusDays(1).format(TYPED));
    model.addAttribute("next", day.plusDays(1).format(TYPED));
    model.addAttribute("today", today.format(TYPED));
    model.addAttribute("closed", rows.isEmpty() ? hours.whyClosed(day).orElse(null) : null);
    model.addAttribute("mayAct", user.managesEquipment());
    return "handover/remises";
  }

  /** The person who booked, by name when they are a member's person, else their login. */
  private String who(String userId) {
    if (userId == null) {
      return "";
    }
    return accounts.personOfUser(userId).map(Person::fullName).orElse(userId);
  }

  /** « vendredi »: a day's name inside a French sentence takes no capital. */
  private static String dayName(LocalDate day) {
    return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH);
  }
}
