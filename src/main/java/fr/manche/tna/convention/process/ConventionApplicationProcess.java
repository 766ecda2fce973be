package fr.manche.tna.convention.process;

/**
 * The process {@code ConventionApplication} (bpmn/convention/ConventionApplication.bpmn): staff file an
 * organisation's application for a cooperation convention, the network referent reviews it, and the
 * organisation is told the decision.
 */
public final class ConventionApplicationProcess {

  public static final String KEY = "ConventionApplication";

  /** Variables of the start form {@code ConventionApplicationStart} (strings, checked on the server). */
  public static final class StartForm {
    public static final String ORGANISATION_NAME = "organisationName";
    public static final String LEGAL_FORM = "legalForm";
    public static final String SIRET = "siret";
    public static final String ADDRESS = "address";
    public static final String VENUE_DESCRIPTION = "venueDescription";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String MEMBER_SIGNATORY_NAME = "memberSignatoryName";
    public static final String MEMBER_SIGNATORY_ROLE = "memberSignatoryRole";
    public static final String MEMBER_SIGNATORY_EMAIL = "memberSignatoryEmail";

    private StartForm() {}
  }

  /** Variables of the review form {@code ConventionApplicationReview}. */
  public static final class ReviewForm {
    public static final String DECISION = "decision";
    public static final String DECISION_REASON = "decisionReason";
    public static final String WELCOME_MEETING_DATE = "welcomeMeetingDate";
    public static final String WELCOME_MEETING_TIME = "welcomeMeetingTime";

    private ReviewForm() {}
  }

  /** Login of the network referent who filed the application (the start event's {@code camunda:initiator}). */
  public static final String INITIATOR = "initiator";
  /** Set by the process. */
  public static final String CONVENTION_ID = "conventionId";
  /** The review's outcome: ACCEPTEE, REFUSEE or A_COMPLETER (ConventionStatus names). */
  public static final String APPLICATION_OUTCOME = "applicationOutcome";
  /** Outcome of an application by an organisation that cannot sign (R01): refused by mail, nothing registered. */
  public static final String INELIGIBLE = "NON_RECEVABLE";
  /** Why an ineligible application is refused, in French. */
  public static final String INELIGIBILITY_REASON = "ineligibilityReason";
  public static final String NOTIFY_INELIGIBLE = "ServiceTask_NotifyIneligible";
  /** Id of the staff member who completed the review. */
  public static final String REVIEWER = "reviewer";

  public static final String REVIEW_TASK = "UserTask_ReviewApplication";
  public static final String NOTIFY_REVIEWERS = "ServiceTask_NotifyReviewers";
  public static final String NOTIFY_APPLICANT = "ServiceTask_NotifyApplicant";
  public static final String COMPLETE_TASK = "UserTask_CompleteApplication";

  private ConventionApplicationProcess() {}
}
