package fr.manche.tna.steering.process;

import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;
import java.util.Map;

/**
 * The process {@code YearEndReview} (bpmn/steering/YearEndReview.bpmn), R20, R23, R03: a member's year-end review,
 * started by the calendar ({@link #REVIEW_ID} given) or by a referent (start form: SIRET and {@link #YEAR}).
 */
public final class YearEndReviewProcess {

  public static final String KEY = "YearEndReview";

  public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.ofLong("reviewId");
  public static final ProcessVariable<String> YEAR = ProcessVariable.ofString("reviewYear");

  /** Fields of « Remplir le bilan annuel »: the R20 commitments by the keys of {@code Reviews.COMMITMENTS}. */
  public static final ProcessVariable<String> YEAR_SUMMARY = ProcessVariable.ofString("yearSummary");
  public static final Map<String, ProcessVariable<String>> COMMITMENTS = Map.of(
      "access", ProcessVariable.ofString("commitmentAccess"),
      "equipment", ProcessVariable.ofString("commitmentEquipment"),
      "facilitator", ProcessVariable.ofString("commitmentFacilitator"),
      "workshops", ProcessVariable.ofString("commitmentWorkshops"),
      "network", ProcessVariable.ofString("commitmentNetwork"));
  public static final ProcessVariable<String> WORKSHOPS = ProcessVariable.ofString("workshopsCount");
  public static final ProcessVariable<String> PEOPLE = ProcessVariable.ofString("peopleReached");
  public static final ProcessVariable<String> HIGHLIGHTS = ProcessVariable.ofString("highlights");
  public static final ProcessVariable<String> DIFFICULTIES = ProcessVariable.ofString("difficulties");

  /** Fields of « Fixer l'entretien annuel ». */
  public static final ProcessVariable<String> REVIEW_SUMMARY = ProcessVariable.ofString("reviewSummary");
  public static final ProcessVariable<String> INTERVIEW_DATE = ProcessVariable.ofString("interviewDate");
  public static final ProcessVariable<String> INTERVIEW_TIME = ProcessVariable.ofString("interviewTime");
  public static final ProcessVariable<String> INTERVIEW_PLACE = ProcessVariable.ofString("interviewPlace");

  /** Fields of « Enregistrer le bilan de l'entretien ». */
  public static final ProcessVariable<String> RESULTS = ProcessVariable.ofString("results");
  public static final ProcessVariable<String> PLANS = ProcessVariable.ofString("plans");
  public static final ProcessVariable<String> RENEWAL_DUE = ProcessVariable.ofString("renewalDue");
  public static final ProcessVariable<String> PROPOSE_RENEWAL = ProcessVariable.ofString("proposeRenewal");

  /** Set by the process: the interview's timer. */
  public static final ProcessVariable<Instant> INTERVIEW_AT = ProcessVariable.ofInstant("interviewAt");

  public static final String SELF_ASSESSMENT_TASK = "UserTask_SelfAssessment";
  public static final String SCHEDULE_TASK = "UserTask_ScheduleInterview";
  public static final String RECORD_TASK = "UserTask_RecordReview";

  private YearEndReviewProcess() {}
}
