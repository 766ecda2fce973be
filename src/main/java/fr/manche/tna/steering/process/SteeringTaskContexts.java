package fr.manche.tna.steering.process;

import fr.manche.tna.handover.LoanReport;
import fr.manche.tna.handover.LoanReports;
import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.forms.FormOptions;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.steering.Reviews;
import fr.manche.tna.steering.Reviews.Review;
import fr.manche.tna.steering.SteeringCycles;
import fr.manche.tna.steering.SteeringCycles.Committee;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steering cycle's tasks in Tasklist: the committee (its date; at the record, the invited organisations as the only
 * options of the attendance), the review (the organisation; the year's loan reports summed up for the member's
 * self-assessment; the self-assessment shown to staff; whether the convention ends within the year).
 */
@Component
class SteeringTaskContexts implements TaskContexts {

  private final SteeringCycles cycles;
  private final Reviews reviews;
  private final LoanReports loanReports;

  SteeringTaskContexts(SteeringCycles cycles, Reviews reviews, LoanReports loanReports) {
    this.cycles = cycles;
    this.reviews = reviews;
    this.loanReports = loanReports;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(NetworkCommitteeProcess.KEY, YearEndReviewProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (NetworkCommitteeProcess.PREPARE_TASK.equals(key) || NetworkCommitteeProcess.RECORD_TASK.equals(key)) {
      Committee committee = cycles.committee(NetworkCommitteeProcess.CYCLE_ID.get(task));
      Map<String, Object> shown = new HashMap<>();
      if (NetworkCommitteeProcess.RECORD_TASK.equals(key)) {
        List<FormOptions.Option> invited = cycles.invited(committee.id()).stream()
            .map(organisation -> new FormOptions.Option(String.valueOf(organisation.id()), organisation.name())).toList();
        shown.put(NetworkCommitteeProcess.INVITED_OPTIONS, FormOptions.variable(invited));
        int proposals = cycles.proposals(committee.id()).size();
        shown.put(NetworkCommitteeProcess.SUMMARY.name(), "Comité du " + ParisTime.formatDateTime(committee.meetingAt()) + ", "
            + committee.place() + " ; " + count(invited.size(), "structure invitée", "structures invitées") + " ; "
            + count(proposals, "proposition reçue", "propositions reçues") + ".");
      }
      return TaskContext.of(null, "comité du réseau " + committee.year()
          + (committee.prepared() ? " : " + ParisTime.formatDateTime(committee.meetingAt()) : "")).prefill(shown);
    }
    Review review = reviews.find(YearEndReviewProcess.REVIEW_ID.get(task));
    Organisation organisation = reviews.organisation(review);
    Map<String, Object> shown = new HashMap<>();
    shown.put(CommonVariables.ORGANISATION_NAME.name(), organisation.name());
    if (YearEndReviewProcess.SELF_ASSESSMENT_TASK.equals(key)) {
      shown.put(YearEndReviewProcess.YEAR_SUMMARY.name(), yearSummary(organisation.id(), review.year()));
    } else {
      shown.put(YearEndReviewProcess.REVIEW_SUMMARY.name(), assessment(review));
      shown.put(YearEndReviewProcess.RENEWAL_DUE.name(), cycles.endsWithinAYear(organisation.id()).isPresent() ? "oui" : "non");
    }
    return TaskContext.of(organisation.name(), "bilan " + review.year()
        + (review.interviewAt() == null ? "" : ", entretien le " + ParisTime.formatDateTime(review.interviewAt())))
        .due(review.interviewAt() == null ? null : review.interviewAt().toInstant())
        .prefill(shown);
  }

  /** The year's loan reports of the organisation, summed up in one French sentence per kind. */
  String yearSummary(long organisationId, int year) {
    List<LoanReport> ofYear = loanReports.ofOrganisation(organisationId).stream()
        .filter(report -> report.filedAt().atZoneSameInstant(ParisTime.ZONE).getYear() == year).toList();
    if (ofYear.isEmpty()) {
      return "Aucun compte rendu de prêt en " + year + ".";
    }
    Map<ReportCategory, Integer> totals = new EnumMap<>(ReportCategory.class);
    ofYear.forEach(report -> report.lines().forEach(line -> totals.merge(line.category(), line.number(), Integer::sum)));
    List<String> actions = new ArrayList<>();
    List<String> audiences = new ArrayList<>();
    totals.forEach((category, number) -> (category.kind() == ReportCategory.Kind.ACTION ? actions : audiences)
        .add(category.label() + " : " + number));
    return ofYear.size() + (ofYear.size() == 1 ? " compte rendu de prêt" : " comptes rendus de prêt") + " en " + year
        + ". Actions — " + String.join(", ", actions) + ". Publics (personnes) — " + String.join(", ", audiences) + ".";
  }

  /** « 1 proposition reçue », « 2 propositions reçues », « aucune proposition reçue ». */
  private static String count(int number, String one, String many) {
    return number == 0 ? "aucune " + one : number + " " + (number == 1 ? one : many);
  }

  private static String assessment(Review review) {
    if (!review.assessed()) {
      return "Bilan pas encore rempli.";
    }
    StringBuilder text = new StringBuilder();
    Reviews.COMMITMENTS.forEach((key, label) -> text.append(label).append(" : ")
        .append(review.commitments().get(key).label()).append("\n"));
    if (review.workshops() != null) {
      text.append("Ateliers (hors prêts du Département) : ").append(review.workshops()).append("\n");
    }
    if (review.people() != null) {
      text.append("Personnes accueillies (hors prêts du Département) : ").append(review.people()).append("\n");
    }
    if (review.highlights() != null) {
      text.append("Temps forts : ").append(review.highlights()).append("\n");
    }
    if (review.difficulties() != null) {
      text.append("Difficultés : ").append(review.difficulties());
    }
    return text.toString().strip();
  }
}
