package fr.manche.tna.steering.process;

import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.steering.Reviews;
import fr.manche.tna.steering.Reviews.Review;
import fr.manche.tna.steering.SteeringCycles;
import fr.manche.tna.steering.SteeringCycles.Committee;
import fr.manche.tna.steering.SteeringCycles.Started;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the steering cycle, thin adapters from process variables to {@link SteeringCycles} and {@link Reviews}. */
@Configuration
class SteeringSteps {

  /** The renewal the review offers (R03): the convention module's process, started as a referent starts it. */
  static final String RENEWAL_PROCESS = "ConventionRenewal";
  static final ProcessVariable<String> RENEWAL_MESSAGE = ProcessVariable.ofString("proposalMessage");

  /**
   * Every morning: the cycles whose date has come, recorded once a year each (the database refuses a second
   * record), and their processes started in the same transaction.
   */
  @Bean("startDueCycles")
  JavaDelegate startDueCycles(SteeringCycles cycles, Reviews reviews, OrganisationRepository organisations) {
    return execution -> {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      Started started = cycles.dueOn(ParisTime.today());
      for (long cycleId : started.committees()) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NetworkCommitteeProcess.CYCLE_ID.name(), cycleId);
        cycles.attachProcess("steering_cycle", cycleId, runtime.startProcessInstanceByKey(NetworkCommitteeProcess.KEY,
            "comite-" + cycles.committee(cycleId).year(), variables).getId());
      }
      for (long reviewId : started.reviews()) {
        Review review = reviews.find(reviewId);
        Organisation organisation = organisations.findById(review.organisationId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put(YearEndReviewProcess.REVIEW_ID.name(), reviewId);
        variables.put(CommonVariables.ORGANISATION_ID.name(), organisation.id());
        variables.put(CommonVariables.MEMBER_GROUP_ID.name(), organisation.tenantId());
        runtime.startProcessInstanceByKey(YearEndReviewProcess.KEY, "bilan-" + review.year() + "-" + organisation.id(),
            variables);
      }
    };
  }

  /** The committee's record: given by the calendar, or created now for a start by hand (once per year while open). */
  @Bean("registerCommittee")
  JavaDelegate registerCommittee(SteeringCycles cycles) {
    return execution -> {
      if (NetworkCommitteeProcess.CYCLE_ID.getOptional(execution).isEmpty()) {
        long id = cycles.startCommitteeByHand(NetworkCommitteeProcess.YEAR.getOrNull(execution), Actor.of(execution));
        NetworkCommitteeProcess.CYCLE_ID.set(execution, id);
        cycles.attachProcess("steering_cycle", id, execution.getProcessInstanceId());
        execution.setProcessBusinessKey("comite-" + cycles.committee(id).year() + "-" + id);
      }
    };
  }

  /** The date, place, agenda and deadline: the members in force that day are invited; the timers follow. */
  @Bean("prepareCommittee")
  TaskListener prepareCommittee(SteeringCycles cycles) {
    return task -> {
      long id = NetworkCommitteeProcess.CYCLE_ID.get(task);
      cycles.prepare(id, NetworkCommitteeProcess.MEETING_DATE.getOrNull(task), NetworkCommitteeProcess.MEETING_TIME.getOrNull(task),
          NetworkCommitteeProcess.MEETING_PLACE.getOrNull(task), NetworkCommitteeProcess.AGENDA.getOrNull(task),
          NetworkCommitteeProcess.PROPOSALS_DEADLINE.getOrNull(task), Actor.of(task));
      Committee committee = cycles.committee(id);
      NetworkCommitteeProcess.MEETING_AT.set(task, committee.meetingAt().toInstant());
      NetworkCommitteeProcess.PROPOSALS_CLOSED_AT.set(task, committee.proposalsDeadline().plusDays(1).atTime(LocalTime.of(8, 0))
          .atZone(ParisTime.ZONE).toInstant());
    };
  }

  @Bean("recordCommittee")
  TaskListener recordCommittee(SteeringCycles cycles) {
    return task -> cycles.record(NetworkCommitteeProcess.CYCLE_ID.get(task), NetworkCommitteeProcess.ATTENDANCE.getOrNull(task),
        NetworkCommitteeProcess.MINUTES.getOrNull(task), NetworkCommitteeProcess.DECISIONS.getOrNull(task), Actor.of(task));
  }

  /** A member's proposal, in the start transaction: refused in French (no open committee for them), nothing created. */
  @Bean("registerCommitteeProposal")
  JavaDelegate registerCommitteeProposal(SteeringCycles cycles) {
    return execution -> cycles.propose(CommonVariables.ORGANISATION_ID.get(execution),
        CommitteeProposalProcess.KIND.getOrNull(execution), CommitteeProposalProcess.TITLE.getOrNull(execution),
        CommitteeProposalProcess.DESCRIPTION.getOrNull(execution), Actor.of(execution));
  }

  /** The review's record: given by the calendar, or created now for a start by hand; its member may read it. */
  @Bean("registerReview")
  JavaDelegate registerReview(SteeringCycles cycles, Reviews reviews, OrganisationRepository organisations) {
    return execution -> {
      if (YearEndReviewProcess.REVIEW_ID.getOptional(execution).isEmpty()) {
        YearEndReviewProcess.REVIEW_ID.set(execution, cycles.startReviewByHand(CommonVariables.SIRET.getOrNull(execution),
            YearEndReviewProcess.YEAR.getOrNull(execution), Actor.of(execution)));
      }
      long reviewId = YearEndReviewProcess.REVIEW_ID.get(execution);
      Review review = reviews.find(reviewId);
      Organisation organisation = organisations.findById(review.organisationId()).orElseThrow();
      CommonVariables.ORGANISATION_ID.set(execution, organisation.id());
      CommonVariables.MEMBER_GROUP_ID.set(execution, organisation.tenantId());
      CommonVariables.ORGANISATION_NAME.set(execution, organisation.name());
      cycles.attachProcess("steering_review", reviewId, execution.getProcessInstanceId());
      execution.setProcessBusinessKey("bilan-" + review.year() + "-" + organisation.id());
      InstanceGrants.letGroupRead(execution, organisation.tenantId());
    };
  }

  @Bean("fileSelfAssessment")
  TaskListener fileSelfAssessment(Reviews reviews) {
    return task -> {
      Map<String, String> kept = new HashMap<>();
      YearEndReviewProcess.COMMITMENTS.forEach((key, variable) -> kept.put(key, variable.getOrNull(task)));
      reviews.assess(YearEndReviewProcess.REVIEW_ID.get(task), kept, YearEndReviewProcess.WORKSHOPS.getOrNull(task),
          YearEndReviewProcess.PEOPLE.getOrNull(task), YearEndReviewProcess.HIGHLIGHTS.getOrNull(task),
          YearEndReviewProcess.DIFFICULTIES.getOrNull(task), Actor.of(task));
    };
  }

  @Bean("scheduleInterview")
  TaskListener scheduleInterview(Reviews reviews) {
    return task -> {
      Review review = reviews.schedule(YearEndReviewProcess.REVIEW_ID.get(task), YearEndReviewProcess.INTERVIEW_DATE.getOrNull(task),
          YearEndReviewProcess.INTERVIEW_TIME.getOrNull(task), YearEndReviewProcess.INTERVIEW_PLACE.getOrNull(task),
          Actor.of(task));
      YearEndReviewProcess.INTERVIEW_AT.set(task, review.interviewAt().toInstant());
    };
  }

  /**
   * The results and plans; when the convention ends within the year and the referent says so, its renewal is proposed
   * to the member (the convention's process {@value #RENEWAL_PROCESS}, R03), in the same transaction.
   */
  @Bean("recordReview")
  TaskListener recordReview(Reviews reviews, SteeringCycles cycles, OrganisationRepository organisations) {
    return task -> {
      long reviewId = YearEndReviewProcess.REVIEW_ID.get(task);
      Review before = reviews.find(reviewId);
      boolean due = cycles.endsWithinAYear(before.organisationId()).isPresent();
      String answer = YearEndReviewProcess.PROPOSE_RENEWAL.getOrNull(task);
      if (due && !"oui".equals(answer) && !"non".equals(answer)) {
        throw new InvalidInputException("La convention se termine dans l'année : dites si son renouvellement est proposé.");
      }
      if (!due && "oui".equals(answer)) {
        throw new InvalidInputException("La convention ne se termine pas dans l'année : pas de renouvellement à proposer"
            + " maintenant.");
      }
      boolean propose = due && "oui".equals(answer);
      reviews.record(reviewId, YearEndReviewProcess.RESULTS.getOrNull(task), YearEndReviewProcess.PLANS.getOrNull(task), propose,
          Actor.of(task));
      if (propose) {
        Organisation organisation = organisations.findById(before.organisationId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CommonVariables.SIRET.name(), organisation.siret());
        variables.put(RENEWAL_MESSAGE.name(), "Proposé lors de l'entretien annuel " + before.year() + ".");
        variables.put(CommonVariables.INITIATOR.name(), Actor.of(task));
        task.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(RENEWAL_PROCESS, variables);
      }
    };
  }
}
