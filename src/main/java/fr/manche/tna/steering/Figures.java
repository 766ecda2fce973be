package fr.manche.tna.steering;

import java.util.List;

/**
 * The indicators of a period (R24), as the staff page, its CSV, the committee's PDF and the member's page show them:
 * how many reports; per type of action, how many actions; per type of audience, how many people; how many reports per
 * level of appreciation; and the same totals by half-year, by member and by equipment type.
 *
 * @param organisation the member they are limited to, « Toutes les structures » otherwise
 * @param equipmentType the equipment type they are limited to, « Tous les types de matériel » otherwise
 * @param actions every action category in {@code ReportCategory}'s order, 0 included
 * @param audiences every audience category in {@code ReportCategory}'s order (number of people), 0 included
 * @param appreciations every level, best first: the number of reports that gave it
 * @param byHalfYear the half-years of the period, in order (both for a whole year)
 * @param byMember the members with at least one report, by name
 * @param byEquipmentType the equipment types with at least one report, by name; a report counts for every type of
 *     its loan's items, so these rows may add up to more than the total
 */
public record Figures(
    IndicatorPeriod period,
    String organisation,
    String equipmentType,
    long reports,
    List<Count> actions,
    List<Count> audiences,
    List<Count> appreciations,
    List<Breakdown> byHalfYear,
    List<Breakdown> byMember,
    List<Breakdown> byEquipmentType) {

  /** A category or a level and its number. */
  public record Count(String code, String label, long number) {}

  /** A row of a breakdown: its name, the reports, the actions and the people they count. */
  public record Breakdown(String label, long reports, long actions, long people) {}

  public long totalActions() {
    return actions.stream().mapToLong(Count::number).sum();
  }

  public long totalPeople() {
    return audiences.stream().mapToLong(Count::number).sum();
  }
}
