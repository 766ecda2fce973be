package fr.manche.tna.handover;

import java.util.List;
import java.util.Map;

/**
 * What an equipment manager typed at the handover, as the page posts it, not checked yet ({@link Inspections#check}).
 *
 * @param conditions each item's condition (a {@link Condition}'s name), by item id
 * @param presentAccessories the accessories ticked present, by item id (missing ones are the kit's others)
 * @param itemNotes notes by item id
 * @param representative the member's representative present (first and last name)
 * @param acknowledgedOnSite whether they read and acknowledged the record on the manager's screen
 */
public record InspectionDraft(
    Map<Long, String> conditions,
    Map<Long, List<String>> presentAccessories,
    Map<Long, String> itemNotes,
    String representative,
    boolean acknowledgedOnSite,
    String notes) {}
