package fr.manche.tna.handover.web;

import fr.manche.tna.membership.MemberPages;
import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.Bookings.FreeSlot;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.StaffPagesFilter;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.Page;
import fr.manche.tna.platform.web.TasklistLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's page {@code /mes-rendez-vous} (R12, issue 11 item 2): their organisation's handover appointments
 * still held, soonest first; until the day before, each one may be moved to another free slot or cancelled. The
 * organisation is always the logged-in person's, whatever number a form sends: {@link Bookings} refuses another
 * organisation's appointment in French. A refusal comes back to the page (a flash message and the appointment's
 * number) next to that appointment and changes nothing. Staff are sent to {@code /remises}.
 */
@Controller
class MemberHandoversController {

  static final String PATH = "/mes-rendez-vous";
  private static final Logger LOG = LoggerFactory.getLogger(MemberHandoversController.class);

  private final Bookings bookings;
  private final LoanRequestService loans;
  private final MemberPages pages;

  MemberHandoversController(Bookings bookings, LoanRequestService loans, MemberPages pages) {
    this.bookings = bookings;
    this.loans = loans;
    this.pages = pages;
  }

  /** An appointment as the page shows it, with the slots it may move to while it may still change. */
  public record Row(long id, String kind, String slot, long loanId, String items, String period, boolean changeable,
      List<FreeSlot> freeSlots) {}

  @GetMapping(PATH)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
    Optional<MemberPages.Member> member = pages.member(request, response);
    if (member.isEmpty()) {
      return response.isCommitted() ? null : "redirect:" + Page.REMISES.path();
    }
    LocalDate today = ParisTime.today();
    List<Row> rows = new ArrayList<>();
    for (Booking booking : bookings.heldByOrganisation(member.get().organisationId())) {
      LoanRequest loan = loans.find(booking.loanRequestId());
      boolean changeable = booking.changeableOn(today);
      String kind = booking.kind().noun();
      rows.add(new Row(booking.id(), Character.toUpperCase(kind.charAt(0)) + kind.substring(1), booking.slot().french(),
          loan.id(), loan.itemsNamed(), loan.period(), changeable,
          changeable ? bookings.freeSlots(loan.id(), booking.kind()) : List.of()));
    }
    // A refusal comes back as a flash message with the appointment's number: shown next to it when it is one of
    // this organisation's, at the top of the page otherwise.
    Object refusedId = model.getAttribute("erreurRendezVous");
    Object refusal = model.getAttribute("erreur");
    boolean ours = refusedId != null && rows.stream().anyMatch(row -> refusedId.equals(row.id()));
    model.addAttribute("erreurGenerale", refusal != null && !ours ? refusal : null);
    model.addAttribute("refusedId", ours ? refusedId : null);
    model.addAttribute("rows", rows);
    model.addAttribute("tasklist", TasklistLinks.TASKLIST_PATH);
    model.addAttribute(StaffPagesFilter.CSRF_ATTRIBUTE, MemberPages.token(request.getSession()));
    return "handover/mes-rendez-vous";
  }

  @PostMapping(PATH + "/{id}/deplacer")
  String move(@PathVariable String id, @RequestParam(name = "_csrf", required = false) String csrf,
      @RequestParam(name = "creneau", defaultValue = "") String slot,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    Optional<MemberPages.Member> member = pages.postingMember(request, response, csrf);
    if (member.isEmpty()) {
      return null;
    }
    long bookingId = number(id);
    try {
      Booking moved = bookings.move(member.get().organisationId(), bookingId, slot, member.get().user().userId());
      redirect.addFlashAttribute("message", "Rendez-vous déplacé : le " + moved.kind().noun() + " du matériel du prêt n° "
          + moved.loanRequestId() + " aura lieu " + moved.slot().french() + " ; une nouvelle invitation vous est envoyée.");
    } catch (InvalidInputException refused) {
      refused(redirect, bookingId, refused);
    }
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/{id}/annuler")
  String cancel(@PathVariable String id, @RequestParam(name = "_csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    Optional<MemberPages.Member> member = pages.postingMember(request, response, csrf);
    if (member.isEmpty()) {
      return null;
    }
    long bookingId = number(id);
    try {
      bookings.cancel(member.get().organisationId(), bookingId, member.get().user().userId());
      redirect.addFlashAttribute("message", "Rendez-vous annulé : réservez un autre créneau dans votre liste des tâches.");
    } catch (InvalidInputException refused) {
      refused(redirect, bookingId, refused);
    }
    return "redirect:" + PATH;
  }

  private static void refused(RedirectAttributes redirect, long bookingId, InvalidInputException refused) {
    LOG.info("Action refusée sur /mes-rendez-vous (rendez-vous n° {}) : {}", bookingId, Logs.safe(refused.getMessage()));
    redirect.addFlashAttribute("erreur", refused.getMessage());
    redirect.addFlashAttribute("erreurRendezVous", bookingId);
  }

  /** A path's appointment number; anything else is a number no appointment has (refused in French by the service). */
  private static long number(String id) {
    return id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : -1;
  }


}
