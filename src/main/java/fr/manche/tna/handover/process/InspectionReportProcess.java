package fr.manche.tna.handover.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code InspectionReport} (bpmn/handover/InspectionReport.bpmn), R13: started when a handover's inspection
 * is recorded; the report (PDF, both records side by side at a return) goes to the member, who acknowledges it in
 * Tasklist unless their representative did on the spot. Started with {@link #INSPECTION_ID},
 * {@link #ACKNOWLEDGED_ON_SITE}, {@link CommonVariables#ORGANISATION_ID} and {@link CommonVariables#MEMBER_GROUP_ID}.
 */
public final class InspectionReportProcess {

  public static final String KEY = "InspectionReport";

  public static final ProcessVariable<Long> INSPECTION_ID = ProcessVariable.ofLong("inspectionId");
  public static final ProcessVariable<Boolean> ACKNOWLEDGED_ON_SITE = ProcessVariable.ofBoolean("acknowledgedOnSite");

  /** Fields of the member's form « Prendre connaissance de l'état des lieux ». */
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.ofString("inspectionSummary");
  public static final ProcessVariable<Boolean> ACKNOWLEDGED = ProcessVariable.ofBoolean("inspectionAcknowledged");
  public static final ProcessVariable<String> MEMBER_REMARKS = ProcessVariable.ofString("memberRemarks");

  public static final String ACKNOWLEDGE_TASK = "UserTask_AcknowledgeInspection";

  private InspectionReportProcess() {}
}
