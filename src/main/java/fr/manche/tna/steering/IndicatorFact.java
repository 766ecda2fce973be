package fr.manche.tna.steering;

import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.inventory.EquipmentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One report as the indicators count it, whatever its source (R24): whose it is, the Paris day it counts on, how many
 * actions and people per category, the audience's appreciation and the equipment types it concerns.
 *
 * @param source where it comes from
 * @param reference the report's number in its source (a loan report: the loan's number)
 * @param organisationId the member (organisation) that reported
 * @param date the day it counts on, which decides its half-year and year
 * @param numbers per category, the number of actions or of people (absent: 0)
 * @param appreciation the audience's appreciation, or null when the source gives none
 * @param equipmentTypes the types of the equipment used (none for a report without equipment); the fact counts for each
 */
public record IndicatorFact(
    SourceKind source,
    long reference,
    long organisationId,
    LocalDate date,
    Map<ReportCategory, Integer> numbers,
    Appreciation appreciation,
    List<EquipmentType> equipmentTypes) {

  public IndicatorFact {
    numbers = Map.copyOf(numbers);
    equipmentTypes = List.copyOf(equipmentTypes);
  }

  public int number(ReportCategory category) {
    return numbers.getOrDefault(category, 0);
  }

  /** The sum of its numbers of one kind: all the actions, or all the people reached. */
  public long total(ReportCategory.Kind kind) {
    return ReportCategory.of(kind).stream().mapToLong(this::number).sum();
  }

  public boolean concerns(long equipmentTypeId) {
    return equipmentTypes.stream().anyMatch(type -> type.id() == equipmentTypeId);
  }
}
