package fr.manche.tna.loan;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Reservation;
import fr.manche.tna.loan.LoanRequest.RequestedItem;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approved loan's life: cancellation by its member before it begins, extension (issue 10, item 5), return,
 * follow-up of a late return. The member's actions come from the page « Mes emprunts » with the member's
 * organisation, checked here whatever the caller sends: another organisation's loan is unknown.
 *
 * <p>An extension never skips the availability: within {@value LoanRules#MAX_ORDINARY_DAYS} days in all and free it
 * is granted at once ({@link Availability#move} under each item's lock); beyond, the département examines it
 * (process {@code LoanExtension}, R10) and its approval goes through the same move; a conflict is refused with the
 * latest last day possible.
 */
@Service
public class LoanLifecycle {

  /** The messages the loan process waits for (bpmn/loan/LoanRequest.bpmn). */
  public static final String CANCELLED_MESSAGE = "LoanCancelled";
  public static final String EXTENDED_MESSAGE = "LoanExtended";
  public static final String PREEMPTED_MESSAGE = "LoanPreempted";
  /** The process that examines an extension beyond 30 days. */
  public static final String EXTENSION_PROCESS = "LoanExtension";

  /** What became of an extension request. */
  public enum ExtensionOutcome { GRANTED, TO_EXAMINE }

  private final JdbcClient jdbc;
  private final LoanRequestService requests;
  private final Availability availability;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final RuntimeService runtime;

  LoanLifecycle(JdbcClient jdbc, LoanRequestService requests, Availability availability, Catalogue catalogue,
      AuditLog audit, @Lazy RuntimeService runtime) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.availability = availability;
    this.catalogue = catalogue;
    this.audit = audit;
    this.runtime = runtime;
  }

  /** The organisation's request or loan; another organisation's is unknown (the same sentence as a wrong number). */
  public LoanRequest ofOrganisation(long organisationId, long requestId) {
    List<Long> owner = jdbc.sql("select organisation_id from loan_request where id = ?").param(requestId)
        .query(Long.class).list();
    if (owner.isEmpty() || owner.get(0) != organisationId) {
      throw new InvalidInputException("Votre structure n'a pas de demande de prêt n° " + requestId + ".");
    }
    return requests.find(requestId);
  }

  /**
   * The member cancels a request not yet decided, or an approved loan before its first day: the items are free
   * again at once, and the process confirms it by mail.
   */
  @Transactional
  public void cancel(long organisationId, long requestId, String actor) {
    ofOrganisation(organisationId, requestId);
    LoanRequest request = lock(requestId);
    if (!request.cancellable(ParisTime.today())) {
      throw new InvalidInputException(request.status() == LoanRequestStatus.APPROUVEE
          ? "Ce prêt a commencé le " + ParisTime.formatDate(request.firstDay()) + " : il ne peut plus être annulé."
              + " Rapportez le matériel, ou prenez contact avec les gestionnaires du matériel."
          : "Cette demande de prêt est " + request.status().label() + " : il n'y a rien à annuler.");
    }
    for (RequestedItem item : request.items()) {
      if (item.reservationId() != null) {
        availability.release(item.reservationId());
      }
    }
    jdbc.sql("update loan_request set status = ?, cancelled_at = ? where id = ?")
        .params(LoanRequestStatus.ANNULEE.name(), now(), requestId).update();
    audit.record(actor, request.status() == LoanRequestStatus.APPROUVEE ? "Prêt annulé avant son début" : "Demande de prêt annulée",
        LoanRequestService.describe(request), request.organisationId(), null);
    tell(request, CANCELLED_MESSAGE);
  }

  /**
   * The member asks for a later last day. Refused in French when the loan is not in progress or approved, when the
   * new day is not later, when the convention or the insurance do not cover it (R08, R14), or when an item is
   * taken (with the latest last day possible). Within 30 days in all it is granted at once; beyond, the reason is
   * required and the département examines it.
   */
  @Transactional
  public ExtensionOutcome requestExtension(
      long organisationId, long requestId, String newLastDay, String reason, String actor) {
    ofOrganisation(organisationId, requestId);
    LoanRequest loan = lock(requestId);
    if (!loan.extensible(ParisTime.today())) {
      throw new InvalidInputException("Seul un prêt approuvé, dont le dernier jour n'est pas passé, peut être prolongé"
          + " (ce prêt est " + loan.status().label() + ").");
    }
    Integer open = jdbc.sql("select count(*) from loan_extension where loan_request_id = ? and status = 'EN_EXAMEN'")
        .param(requestId).query(Integer.class).single();
    if (open > 0) {
      throw new InvalidInputException("Une prolongation de ce prêt est déjà en cours d'examen par le Département.");
    }
    LocalDate newLast = ParisTime.parseDate(newLastDay, "Nouveau dernier jour");
    String checkedReason = checkExtension(loan, newLast, reason);
    KeyHolder keys = new GeneratedKeyHolder();
    boolean examined = LoanRules.isLong(loan.firstDay(), newLast);
    jdbc.sql("""
            insert into loan_extension (loan_request_id, requested_by, requested_at, previous_last_day, new_last_day,
                                        reason, status)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(requestId, actor, now(), loan.lastDay(), newLast, checkedReason,
            examined ? LoanExtensionStatus.EN_EXAMEN.name() : LoanExtensionStatus.ACCORDEE.name())
        .update(keys, "id");
    long extensionId = keys.getKey().longValue();
    if (!examined) {
      extend(loan, newLast, extensionId, actor);
      return ExtensionOutcome.GRANTED;
    }
    String instance = runtime.startProcessInstanceByKey(EXTENSION_PROCESS, "prolongation-" + extensionId, Map.ofEntries(
        LoanExtensionVariables.EXTENSION_ID.entry(extensionId),
        CommonVariables.ORGANISATION_ID.entry(loan.organisationId()))).getId();
    jdbc.sql("update loan_extension set process_instance_id = ? where id = ?").params(instance, extensionId).update();
    audit.record(actor, "Prolongation de prêt demandée (au-delà de 30 jours)", LoanRequestService.describe(loan)
        + ", jusqu'au " + ParisTime.formatDate(newLast), loan.organisationId(), checkedReason);
    return ExtensionOutcome.TO_EXAMINE;
  }

  /** The département's decision on an extension beyond 30 days; a grant checks everything again and moves it. */
  @Transactional
  public LoanExtension decideExtension(long extensionId, boolean grant, String reason, String actor) {
    LoanExtension extension = lockExtension(extensionId);
    if (extension.status() != LoanExtensionStatus.EN_EXAMEN) {
      throw new InvalidInputException("Cette prolongation a déjà reçu une réponse (" + extension.status().label() + ").");
    }
    String checkedReason = Inputs.optional(reason, "Motif de la décision", 2000);
    LoanRequest loan = lock(extension.loanRequestId());
    if (grant) {
      if (loan.status() != LoanRequestStatus.APPROUVEE || !loan.lastDay().equals(extension.previousLastDay())) {
        throw new InvalidInputException("Le prêt a changé depuis la demande (il est " + loan.status().label()
            + ", jusqu'au " + ParisTime.formatDate(loan.lastDay()) + ") : refusez cette prolongation en l'expliquant.");
      }
      checkExtension(loan, extension.newLastDay(), extension.reason());
      extend(loan, extension.newLastDay(), extensionId, actor);
    } else if (checkedReason == null || checkedReason.length() < LoanDecision.MIN_REASON) {
      throw new InvalidInputException("Expliquez à la structure pourquoi vous refusez la prolongation (au moins "
          + LoanDecision.MIN_REASON + " caractères).");
    }
    jdbc.sql("update loan_extension set status = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?")
        .params(grant ? LoanExtensionStatus.ACCORDEE.name() : LoanExtensionStatus.REFUSEE.name(), checkedReason, actor,
            now(), extensionId).update();
    if (!grant) {
      audit.record(actor, "Prolongation de prêt refusée", LoanRequestService.describe(loan) + ", jusqu'au "
          + ParisTime.formatDate(extension.newLastDay()), loan.organisationId(), checkedReason);
    }
    return extension(extensionId);
  }

  public LoanExtension extension(long extensionId) {
    return jdbc.sql("select * from loan_extension where id = ?").param(extensionId)
        .query((rs, row) -> new LoanExtension(rs.getLong("id"), rs.getLong("loan_request_id"),
            rs.getString("process_instance_id"), rs.getString("requested_by"),
            rs.getObject("previous_last_day", LocalDate.class), rs.getObject("new_last_day", LocalDate.class),
            rs.getString("reason"), LoanExtensionStatus.valueOf(rs.getString("status")),
            rs.getString("decision_reason"), rs.getString("decided_by")))
        .optional()
        .orElseThrow(() -> new InvalidInputException("Aucune prolongation ne porte le numéro " + extensionId + "."));
  }

  /** The extensions asked for a loan, oldest first. */
  public List<LoanExtension> extensionsOf(long requestId) {
    return jdbc.sql("select id from loan_extension where loan_request_id = ? order by id").param(requestId)
        .query(Long.class).list().stream().map(this::extension).toList();
  }

  /**
   * The equipment is back (recorded by an equipment manager): the loan is closed and, when it comes back before
   * its last day, the days after the return are free again (all of them when it was picked up early and comes back
   * before its first day). The return day is not to come, nor before the first unless picked up.
   */
  @Transactional
  public LoanRequest recordReturn(long requestId, LocalDate day, String notes, String actor) {
    LoanRequest loan = lock(requestId);
    if (loan.status() != LoanRequestStatus.APPROUVEE) {
      throw new InvalidInputException("Ce prêt est " + loan.status().label() + " : son retour ne peut pas être enregistré.");
    }
    String checkedNotes = Inputs.optional(notes, "Remarques", 2000);
    if (day.isAfter(ParisTime.today())) {
      throw new InvalidInputException("Le jour du retour (" + ParisTime.formatDate(day)
          + ") est à venir : enregistrez le retour le jour où le matériel revient.");
    }
    if (day.isBefore(loan.firstDay()) && !loan.pickedUp()) {
      throw new InvalidInputException("Le jour du retour (" + ParisTime.formatDate(day) + ") précède le premier jour du"
          + " prêt (" + ParisTime.formatDate(loan.firstDay()) + ").");
    }
    if (day.isBefore(loan.firstDay())) {
      // Picked up early and back before its first day: none of its days is needed any more.
      for (RequestedItem item : loan.items()) {
        availability.release(item.reservationId());
      }
    } else if (day.isBefore(loan.lastDay())) {
      for (RequestedItem item : loan.items()) {
        availability.move(item.reservationId(), day);
      }
    }
    jdbc.sql("update loan_request set status = ?, returned_on = ? where id = ?")
        .params(LoanRequestStatus.RENDUE.name(), day, requestId).update();
    audit.record(actor, "Retour du matériel enregistré", LoanRequestService.describe(loan) + ", rendu le "
        + ParisTime.formatDate(day), loan.organisationId(), checkedNotes);
    return requests.find(requestId);
  }

  /** The equipment was handed to the member at the pickup handover (issue 11, R13): the loan is under way. */
  @Transactional
  public LoanRequest recordPickup(long requestId, String notes, String actor) {
    LoanRequest loan = lock(requestId);
    if (loan.status() != LoanRequestStatus.APPROUVEE || loan.pickedUp()) {
      throw new InvalidInputException("Ce prêt est " + (loan.pickedUp() ? "déjà retiré" : loan.status().label())
          + " : le retrait du matériel ne peut pas être enregistré.");
    }
    jdbc.sql("update loan_request set picked_up_at = ? where id = ?").params(now(), requestId).update();
    audit.record(actor, "Matériel remis à la structure", LoanRequestService.describe(loan), loan.organisationId(),
        Inputs.optional(notes, "Remarques", 2000));
    return requests.find(requestId);
  }

  /** What an equipment manager agreed with a member whose loan is late: in the audit journal. */
  @Transactional
  public void recordFollowUp(long requestId, String notes, String actor) {
    LoanRequest loan = requests.find(requestId);
    String checked = Inputs.required(notes, "Ce qui a été convenu", 2000);
    audit.record(actor, "Relance d'un prêt non rendu", LoanRequestService.describe(loan), loan.organisationId(), checked);
  }

  /** What became of an approved loan holding an item that was retired (R19). */
  public record Replanned(LoanRequest loan, String retired, Item replacement, boolean cancelled) {}

  /**
   * The approved loans not picked up yet that hold this item on a day from today: the item is retired (R19).
   */
  public List<Long> approvedLoansHolding(long itemId) {
    return jdbc.sql("""
            select distinct l.id from loan_request l join loan_request_item i on i.loan_request_id = l.id
            where i.item_id = ? and l.status = 'APPROUVEE' and l.picked_up_at is null and l.last_day >= ?
            order by l.id
            """).params(itemId, ParisTime.today()).query(Long.class).list();
  }

  /**
   * R19: the item was retired while this approved loan (not picked up) held it. Another available item of its type,
   * free over the whole loan, takes its place; with none, the item leaves the loan, and a loan left without any item
   * is cancelled (its process hears {@value #CANCELLED_MESSAGE}). No replacement is owed to the member.
   */
  @Transactional
  public Replanned replaceRetiredItem(long loanId, long itemId, String actor) {
    LoanRequest loan = lock(loanId);
    RequestedItem held = loan.items().stream().filter(item -> item.itemId() == itemId).findFirst()
        .orElseThrow(() -> new InvalidInputException("Le prêt n° " + loanId + " ne comprend pas ce matériel."));
    if (held.reservationId() != null) {
      availability.release(held.reservationId());
    }
    Item retired = catalogue.item(itemId).orElseThrow();
    List<Long> inLoan = loan.items().stream().map(RequestedItem::itemId).toList();
    Item replacement = catalogue.itemsOfType(retired.typeId()).stream()
        .filter(item -> item.status() == ItemStatus.AVAILABLE && !inLoan.contains(item.id()))
        .filter(item -> availability.isFree(item.id(), loan.firstDay(), loan.lastDay()))
        .findFirst().orElse(null);
    if (replacement != null) {
      var reservation = availability.reserve(replacement.id(), loan.firstDay(), loan.lastDay(), ReservationKind.LOAN,
          LoanRequestService.reference(loanId));
      jdbc.sql("update loan_request_item set item_id = ?, reservation_id = ? where loan_request_id = ? and item_id = ?")
          .params(replacement.id(), reservation.id(), loanId, itemId).update();
      audit.record(actor, "Matériel réformé remplacé dans un prêt", LoanRequestService.describe(loan) + " : "
          + retired.inventoryNumber() + " → " + replacement.inventoryNumber(), loan.organisationId(), null);
      return new Replanned(requests.find(loanId), retired.inventoryNumber() + " (" + retired.typeName() + ")", replacement,
          false);
    }
    jdbc.sql("delete from loan_request_item where loan_request_id = ? and item_id = ?").params(loanId, itemId).update();
    boolean empty = loan.items().size() == 1;
    audit.record(actor, empty ? "Prêt annulé : son matériel est réformé" : "Matériel réformé retiré d'un prêt",
        LoanRequestService.describe(loan) + " : " + retired.inventoryNumber(), loan.organisationId(), null);
    if (empty) {
      jdbc.sql("update loan_request set status = ?, cancelled_at = ? where id = ?")
          .params(LoanRequestStatus.ANNULEE.name(), now(), loanId).update();
      tell(loan, CANCELLED_MESSAGE);
    }
    return new Replanned(requests.find(loanId), retired.inventoryNumber() + " (" + retired.typeName() + ")", null, empty);
  }

  /** The organisation's loans approved and not returned: what a convention's end leaves open (R08). */
  public List<LoanRequest> openLoansOf(long organisationId) {
    return jdbc.sql("select id from loan_request where organisation_id = ? and status = 'APPROUVEE' order by first_day")
        .param(organisationId).query(Long.class).list().stream().map(requests::find).toList();
  }

  /** Moves every item's reservation to the new last day (each under its item's lock) and tells the loan process. */
  private void extend(LoanRequest loan, LocalDate newLast, long extensionId, String actor) {
    for (RequestedItem item : loan.items()) {
      availability.move(item.reservationId(), newLast);
    }
    jdbc.sql("update loan_request set last_day = ? where id = ?").params(newLast, loan.id()).update();
    audit.record(actor, "Prêt prolongé", LoanRequestService.describe(loan) + ", prolongé jusqu'au "
        + ParisTime.formatDate(newLast) + " (prolongation n° " + extensionId + ")", loan.organisationId(), null);
    tell(loan, EXTENDED_MESSAGE);
  }

  /**
   * The extension's checks, without writing: a later day, at most {@value Availability#MAX_DAYS} days in all, R08
   * and R14 over the added days, a reason beyond 30 days in all, every item free over the added days (else the
   * latest last day possible).
   */
  private String checkExtension(LoanRequest loan, LocalDate newLast, String reason) {
    if (!newLast.isAfter(loan.lastDay())) {
      throw new InvalidInputException("Le nouveau dernier jour (" + ParisTime.formatDate(newLast) + ") doit suivre le"
          + " dernier jour actuel du prêt (" + ParisTime.formatDate(loan.lastDay()) + ").");
    }
    long days = newLast.toEpochDay() - loan.firstDay().toEpochDay() + 1;
    if (days > Availability.MAX_DAYS) {
      throw new InvalidInputException("Un prêt ne dépasse pas " + Availability.MAX_DAYS + " jours ; prolongé ainsi, il en"
          + " compterait " + days + ".");
    }
    String checkedReason = Inputs.optional(reason, "Raison de la prolongation", 2000);
    if (LoanRules.isLong(loan.firstDay(), newLast)
        && (checkedReason == null || checkedReason.length() < LoanDecision.MIN_REASON)) {
      throw new InvalidInputException("Prolongé jusqu'au " + ParisTime.formatDate(newLast) + ", le prêt compterait " + days
          + " jours : au-delà de " + LoanRules.MAX_ORDINARY_DAYS + " jours, expliquez pourquoi (au moins "
          + LoanDecision.MIN_REASON + " caractères), le Département l'examinera (article 4.3).");
    }
    requests.checkMayBorrow(loan.organisationId(), loan.lastDay().plusDays(1), newLast);
    LocalDate latest = null;
    String busy = null;
    for (RequestedItem requested : loan.items()) {
      Item item = catalogue.item(requested.itemId()).orElseThrow();
      if (item.status() != ItemStatus.AVAILABLE) {
        throw new InvalidInputException("Le matériel n° " + item.inventoryNumber() + " (" + item.typeName() + ") est "
            + item.status().label().toLowerCase(java.util.Locale.FRENCH) + " : le prêt ne peut pas être prolongé.");
      }
      for (Reservation other : availability.reservationsOf(item.id(), loan.lastDay().plusDays(1), newLast)) {
        LocalDate before = other.first().minusDays(1);
        if (latest == null || before.isBefore(latest)) {
          latest = before;
          busy = "Le matériel n° " + item.inventoryNumber() + " (" + item.typeName() + ") est réservé à partir du "
              + ParisTime.formatDate(other.first());
        }
      }
    }
    if (busy != null) {
      throw new InvalidInputException(busy + (latest.isAfter(loan.lastDay())
          ? " : le prêt peut être prolongé au plus jusqu'au " + ParisTime.formatDate(latest) + "."
          : " : le prêt ne peut pas être prolongé."));
    }
    return checkedReason;
  }

  /**
   * Tells the loan's process, in this transaction. A process that is between two steps (an asynchronous step not
   * yet run, a few seconds) does not wait for the message yet: the member is asked to try again, nothing changes.
   */
  private void tell(LoanRequest loan, String message) {
    int told = runtime.createMessageCorrelation(message).processInstanceId(loan.processInstanceId())
        .correlateAllWithResult().size();
    if (told == 0) {
      throw new InvalidInputException("Votre demande de prêt n° " + loan.id() + " est en train de passer à l'étape"
          + " suivante : réessayez dans une minute.");
    }
  }

  private LoanRequest lock(long requestId) {
    jdbc.sql("select id from loan_request where id = ? for update").param(requestId).query(Long.class).list();
    return requests.find(requestId);
  }

  private LoanExtension lockExtension(long extensionId) {
    jdbc.sql("select id from loan_extension where id = ? for update").param(extensionId).query(Long.class).list();
    return extension(extensionId);
  }

  private static OffsetDateTime now() {
    return ParisTime.now().toOffsetDateTime();
  }
}
