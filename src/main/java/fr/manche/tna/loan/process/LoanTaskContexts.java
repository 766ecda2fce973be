package fr.manche.tna.loan.process;

import static fr.manche.tna.loan.process.LoanRequestProcess.*;

import fr.manche.tna.inventory.Item;
import fr.manche.tna.loan.LoanExtension;
import fr.manche.tna.loan.LoanExtensionVariables;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestService.FreeItems;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.forms.FormOptions;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A loan's tasks in Tasklist: the organisation, the items and the period, due by the first day (the return by the
 * last day). The forms show the request as it stands in the database; « Choisir le matériel » offers, as its only
 * options, the items free over the whole period ({@link LoanRequestService#freeItems}).
 */
@Component
class LoanTaskContexts implements TaskContexts {

  private final LoanRequestService requests;
  private final LoanLifecycle lifecycle;
  private final OrganisationRepository organisations;

  LoanTaskContexts(LoanRequestService requests, LoanLifecycle lifecycle, OrganisationRepository organisations) {
    this.requests = requests;
    this.lifecycle = lifecycle;
    this.organisations = organisations;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(LoanRequestProcess.KEY, LoanExtensionProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    if (LoanExtensionProcess.EXAMINE_TASK.equals(task.getTaskDefinitionKey())) {
      LoanExtension extension = lifecycle.extension(LoanExtensionVariables.EXTENSION_ID.get(task));
      LoanRequest loan = requests.find(extension.loanRequestId());
      Map<String, Object> shown = shown(loan);
      shown.put(LoanExtensionProcess.NEW_LAST_DAY.name(), ParisTime.formatDate(extension.newLastDay()));
      shown.put(LoanExtensionProcess.REASON.name(), extension.reason());
      return context(loan, "prolongation " + extension.until() + " (prêt " + loan.period() + ")", shown)
          .due(loan.lastDay().atStartOfDay(ParisTime.ZONE).toInstant());
    }
    LoanRequest loan = requests.find(LOAN_REQUEST_ID.get(task));
    Map<String, Object> shown = shown(loan);
    String key = task.getTaskDefinitionKey();
    if (CHOOSE_TASK.equals(key)) {
      FreeItems free = requests.freeItems(loan.id());
      shown.put(FREE_ITEM_OPTIONS, FormOptions.variable(free.items().stream()
          .map(item -> new FormOptions.Option(String.valueOf(item.id()), label(item))).toList()));
      shown.put(FREE_TYPE_OPTIONS, FormOptions.variable(free.byType().stream()
          .map(choice -> new FormOptions.Option(choice.value(), choice.label())).toList()));
      shown.put(FREE_ITEMS_SUMMARY.name(), free.summary());
      if (loan.proposal() != null) {
        shown.put(REVIEWER_PROPOSAL.name(), loan.proposal());
      }
      return context(loan, "matériel à choisir, " + loan.period() + " (" + loan.daysLabel() + ")", shown)
          .due(loan.firstDay().atStartOfDay(ParisTime.ZONE).toInstant());
    }
    if (FOLLOW_UP_TASK.equals(key)) {
      return context(loan, loan.itemsNamed() + ", " + loan.period(), shown)
          .due(loan.lastDay().plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant());
    }
    return context(loan, loan.itemsNamed() + ", " + loan.period() + " (" + loan.daysLabel() + ")", shown)
        .due(loan.firstDay().atStartOfDay(ParisTime.ZONE).toInstant());
  }

  /** « Drone — INV-008 (DJI Mini 4 Pro) »: the type first, so that items of one type stand together. */
  private static String label(Item item) {
    String notes = item.notes() == null || item.notes().isBlank() ? "" : " — " + firstLine(item.notes());
    return item.typeName() + " — n° " + item.inventoryNumber() + notes;
  }

  private static String firstLine(String notes) {
    String line = notes.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 79) + "…" : line;
  }

  /** What every form of the loan shows, read-only, from the database. */
  private Map<String, Object> shown(LoanRequest loan) {
    Map<String, Object> shown = new HashMap<>();
    organisation(loan).ifPresent(organisation -> {
      shown.put(CommonVariables.ORGANISATION_NAME.name(), organisation.name());
      shown.put(ORGANISATION_CONTACT.name(), java.util.stream.Stream.of(organisation.contactName(), organisation.contactEmail())
          .filter(part -> part != null && !part.isBlank()).reduce((a, b) -> a + ", " + b).orElse(""));
    });
    shown.put(REQUESTED_PERIOD.name(), loan.period() + " (" + loan.daysLabel() + ")");
    shown.put(FIRST_DAY.name(), ParisTime.formatDate(loan.firstDay()));
    shown.put(LAST_DAY.name(), ParisTime.formatDate(loan.lastDay()));
    shown.put(ACTIVITIES.name(), loan.activities());
    shown.put(EXPECTED_AUDIENCE.name(), loan.expectedAudience());
    if (!loan.items().isEmpty()) {
      shown.put(REQUESTED_ITEMS.name(), loan.itemsNamed());
    }
    return shown;
  }

  private TaskContext context(LoanRequest loan, String subject, Map<String, Object> shown) {
    return TaskContext.of(organisation(loan).map(Organisation::name).orElse(null), subject).prefill(shown);
  }

  private java.util.Optional<Organisation> organisation(LoanRequest loan) {
    return organisations.findById(loan.organisationId());
  }
}
