package fr.manche.tna.convention.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code ConventionApplication} (bpmn/convention/ConventionApplication.bpmn): staff file an
 * organisation's application for a cooperation convention, the network referent reviews it, and the
 * organisation is told the decision. Also uses {@link fr.manche.tna.convention.ConventionVariables#CONVENTION_ID}
 * (set once registered), {@link CommonVariables#INITIATOR} (the referent who filed it) and
 * {@link CommonVariables#REVIEWER}.
 */
public final class ConventionApplicationProcess {

  public static final String KEY = "ConventionApplication";

  /** Fields of the start form {@code ConventionApplicationStart} and the completion form (checked on the server). */
  public static final class StartForm {
    public static final ProcessVariable<String> ORGANISATION_NAME = CommonVariables.ORGANISATION_NAME;
    public static final ProcessVariable<String> LEGAL_FORM = ProcessVariable.ofString("legalForm");
    public static final ProcessVariable<String> SIRET = CommonVariables.SIRET;
    public static final ProcessVariable<String> ADDRESS = ProcessVariable.ofString("address");
    public static final ProcessVariable<String> VENUE_DESCRIPTION = ProcessVariable.ofString("venueDescription");
    public static final ProcessVariable<String> CONTACT_NAME = ProcessVariable.ofString("contactName");
    public static final ProcessVariable<String> CONTACT_EMAIL = ProcessVariable.ofString("contactEmail");
    public static final ProcessVariable<String> MEMBER_SIGNATORY_NAME = ProcessVariable.ofString("memberSignatoryName");
    public static final ProcessVariable<String> MEMBER_SIGNATORY_ROLE = ProcessVariable.ofString("memberSignatoryRole");
    public static final ProcessVariable<String> MEMBER_SIGNATORY_EMAIL = ProcessVariable.ofString("memberSignatoryEmail");

    private StartForm() {}
  }

  /** Fields of the review form {@code ConventionApplicationReview}. */
  public static final class ReviewForm {
    public static final ProcessVariable<String> DECISION = ProcessVariable.ofString("decision");
    public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.ofString("decisionReason");
    public static final ProcessVariable<String> WELCOME_MEETING_DATE = ProcessVariable.ofString("welcomeMeetingDate");
    public static final ProcessVariable<String> WELCOME_MEETING_TIME = ProcessVariable.ofString("welcomeMeetingTime");

    private ReviewForm() {}
  }

  /** The review's outcome: ACCEPTEE, REFUSEE or A_COMPLETER (ConventionStatus names), or {@value #INELIGIBLE}. */
  public static final ProcessVariable<String> APPLICATION_OUTCOME = ProcessVariable.ofString("applicationOutcome");
  /** Outcome of an application by an organisation that cannot sign (R01): refused by mail, nothing registered. */
  public static final String INELIGIBLE = "NON_RECEVABLE";
  /** Why an ineligible application is refused, in French. */
  public static final ProcessVariable<String> INELIGIBILITY_REASON = ProcessVariable.ofString("ineligibilityReason");

  public static final String NOTIFY_INELIGIBLE = "ServiceTask_NotifyIneligible";
  public static final String REVIEW_TASK = "UserTask_ReviewApplication";
  public static final String NOTIFY_REVIEWERS = "ServiceTask_NotifyReviewers";
  public static final String NOTIFY_APPLICANT = "ServiceTask_NotifyApplicant";
  public static final String COMPLETE_TASK = "UserTask_CompleteApplication";

  private ConventionApplicationProcess() {}
}
