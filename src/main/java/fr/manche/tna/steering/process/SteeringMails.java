package fr.manche.tna.steering.process;

import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.steering.IndicatorPeriod;
import fr.manche.tna.steering.Indicators;
import fr.manche.tna.steering.IndicatorsDocument;
import fr.manche.tna.steering.ReviewDocument;
import fr.manche.tna.steering.Reviews;
import fr.manche.tna.steering.Reviews.Review;
import fr.manche.tna.steering.SteeringCycles;
import fr.manche.tna.steering.SteeringCycles.Committee;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the steering cycle, {@code templates/mail/committee-*.html} and {@code review-*.html}, to each member
 * organisation's contact: the committee's invitation (with the calendar invitation), agenda and minutes, each once per
 * organisation even when retried; the review's request, interview invitation and summary (PDF).
 */
@Configuration
class SteeringMails {

  record CommitteeFacts(Committee committee, Organisation organisation) {}

  record ReviewFacts(Review review, Organisation organisation) {}

  private final ProcessMails mails;
  private final SteeringCycles cycles;
  private final Reviews reviews;
  private final OrganisationRepository organisations;
  private final SteeringTaskContexts contexts;

  SteeringMails(ProcessMails mails, SteeringCycles cycles, Reviews reviews, OrganisationRepository organisations,
      SteeringTaskContexts contexts) {
    this.mails = mails;
    this.cycles = cycles;
    this.reviews = reviews;
    this.organisations = organisations;
    this.contexts = contexts;
  }

  @Bean("notifyCommitteeInvitation")
  JavaDelegate notifyCommitteeInvitation() {
    return toEachInvited((committee, organisation) -> Mail.of("committee-invitation")
        .appointment("comite-" + committee.id() + "@reseau-tna.manche.fr", committee.meetingAt(),
            committee.meetingAt().plusHours(3)));
  }

  /**
   * The agenda and the proposals, with the indicator pack of the past twelve months (R24): the meeting's half-year so
   * far and the one before, one PDF each (the same figures as the page {@code /indicateurs}).
   */
  @Bean("notifyCommitteeAgenda")
  JavaDelegate notifyCommitteeAgenda(Indicators indicators) {
    return toEachInvited((committee, organisation) -> {
      IndicatorPeriod current = IndicatorPeriod.halfOf(committee.meetingAt().toLocalDate());
      IndicatorPeriod before = current.half() == 1 ? IndicatorPeriod.half(current.year() - 1, 2)
          : IndicatorPeriod.half(current.year(), 1);
      Mail mail = Mail.of("committee-agenda").with("proposals", cycles.proposals(committee.id()));
      for (IndicatorPeriod period : java.util.List.of(before, current)) {
        mail = mail.attach(Mail.Attachment.pdf("indicateurs-" + period.year() + "-semestre-" + period.half() + ".pdf",
            IndicatorsDocument.pdf(indicators.figures(new Indicators.Query(period, null, null)))));
      }
      return mail;
    });
  }

  @Bean("notifyCommitteeMinutes")
  JavaDelegate notifyCommitteeMinutes() {
    return toEachInvited((committee, organisation) -> Mail.of("committee-minutes"));
  }

  @Bean("notifyReviewOpened")
  JavaDelegate notifyReviewOpened() {
    return mails.sending(execution -> toMember("review-opened", execution)
        .with("processInstanceId", execution.getProcessInstanceId()));
  }

  @Bean("notifyInterview")
  JavaDelegate notifyInterview() {
    return mails.sending(execution -> {
      Review review = review(execution);
      return toMember("review-interview", execution).appointment("bilan-" + review.id() + "@reseau-tna.manche.fr",
          review.interviewAt(), review.interviewAt().plusMinutes(90));
    });
  }

  @Bean("notifyReviewSummary")
  JavaDelegate notifyReviewSummary() {
    return mails.sending(execution -> {
      Review review = review(execution);
      return toMember("review-summary", execution).attach(Mail.Attachment.pdf("entretien-annuel-" + review.year() + ".pdf",
          ReviewDocument.pdf(review, contexts.yearSummary(review.organisationId(), review.year()))));
    });
  }

  private JavaDelegate toEachInvited(BiFunction<Committee, Organisation, Mail> mail) {
    return mails.sendingEachOnce(execution -> {
      Committee committee = cycles.committee(NetworkCommitteeProcess.CYCLE_ID.get(execution));
      Map<String, Mail> each = new LinkedHashMap<>();
      for (Organisation organisation : cycles.invited(committee.id())) {
        each.put("structure-" + organisation.id(), mail.apply(committee, organisation).to(organisation.contactEmail())
            .with(new CommitteeFacts(committee, organisation)));
      }
      return each;
    });
  }

  private Mail toMember(String template, DelegateExecution execution) {
    Review review = review(execution);
    Organisation organisation = organisations.findById(review.organisationId()).orElseThrow();
    return Mail.of(template).to(organisation.contactEmail()).with(new ReviewFacts(review, organisation));
  }

  private Review review(DelegateExecution execution) {
    return reviews.find(YearEndReviewProcess.REVIEW_ID.get(execution));
  }
}
