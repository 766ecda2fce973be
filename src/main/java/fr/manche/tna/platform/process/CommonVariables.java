package fr.manche.tna.platform.process;

/**
 * The process variables several processes share, with the same meaning in each, declared once here; a
 * variable of one process only is declared in that process's {@code *Process} class. The platform reads some of
 * them (the organisation of an instance, for its tenant and its tasks' names); the names are those of the
 * models and forms.
 */
public final class CommonVariables {

  /** The organisation an instance is about: its tenant ({@code platform.security.OrganisationTenants}). */
  public static final ProcessVariable<Long> ORGANISATION_ID = ProcessVariable.ofLong("organisationId");
  /** The organisation's own group: candidate group of the member's tasks ({@code ${memberGroupId}}). */
  public static final ProcessVariable<String> MEMBER_GROUP_ID = ProcessVariable.ofString("memberGroupId");
  /** The organisation's name, shown in the forms and in the tasks' names. */
  public static final ProcessVariable<String> ORGANISATION_NAME = ProcessVariable.ofString("organisationName");
  /** The organisation's SIRET as a staff start form gives it (a field of several start forms). */
  public static final ProcessVariable<String> SIRET = ProcessVariable.ofString("siret");
  /** Login of the person who completed a review task ({@link Actor}), recorded with the decision. */
  public static final ProcessVariable<String> REVIEWER = ProcessVariable.ofString("reviewer");
  /**
   * Login of the person who started the instance, where the start event names it so
   * ({@code camunda:initiator="initiator"}); {@link Actor} reads whichever variable a model names.
   */
  public static final ProcessVariable<String> INITIATOR = ProcessVariable.ofString("initiator");

  private CommonVariables() {}
}
