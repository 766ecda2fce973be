package fr.manche.tna.inventory.process;

import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The processes of the equipment's maintenance (R18). {@code Maintenance} (bpmn/inventory/Maintenance.bpmn, « Entretien
 * du matériel »): started by {@code inventory.Maintenance} when it opens a maintenance, with {@link #MAINTENANCE_ID};
 * an equipment manager services the item and records what was done, which frees it. {@code MaintenanceSweep}
 * (bpmn/inventory/MaintenanceSweep.bpmn): every day at 6:00 (Paris), opens the maintenances whose number of days
 * since the last one has passed.
 */
public final class MaintenanceProcess {

  public static final String KEY = "Maintenance";
  public static final String SWEEP_KEY = "MaintenanceSweep";

  public static final ProcessVariable<Long> MAINTENANCE_ID = ProcessVariable.ofLong("maintenanceId");

  /** Shown on the form, read-only. */
  public static final ProcessVariable<String> ITEM = ProcessVariable.ofString("maintenanceItem");
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.ofString("maintenanceSummary");

  /** Fields of the equipment managers' form « Entretenir le matériel ». */
  public static final ProcessVariable<String> DONE_WHAT = ProcessVariable.ofString("maintenanceDone");
  public static final ProcessVariable<String> NOTES = ProcessVariable.ofString("maintenanceNotes");

  public static final String DO_TASK = "UserTask_DoMaintenance";
  public static final String SWEEP_TASK = "ServiceTask_OpenDueMaintenances";

  private MaintenanceProcess() {}
}
