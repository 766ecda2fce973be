package fr.manche.tna.steering;

import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.EquipmentType;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.steering.Figures.Breakdown;
import fr.manche.tna.steering.Figures.Count;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The network's follow-up indicators (R24, issue 12 item 3): the facts of every {@link IndicatorSource} over a year
 * or a half-year, optionally of one member and of one equipment type, added up into {@link Figures}. The adding up
 * ({@link #compute}) is a pure function of the facts; the pages, the CSV and the PDF all show its result.
 */
@Service
public class Indicators {

  public static final String ALL_ORGANISATIONS = "Toutes les structures";
  public static final String ALL_TYPES = "Tous les types de matériel";
  /** The row of a report that used no equipment (a joint operation, a self-assessment), by equipment type. */
  public static final String NO_EQUIPMENT = "Sans matériel prêté";

  /** What to count: a period, and optionally one member and one equipment type (null: all). */
  public record Query(IndicatorPeriod period, Long organisationId, Long equipmentTypeId) {}

  private final List<IndicatorSource> sources;
  private final OrganisationRepository organisations;
  private final Catalogue catalogue;

  Indicators(List<IndicatorSource> sources, OrganisationRepository organisations, Catalogue catalogue) {
    this.sources = List.copyOf(sources);
    this.organisations = organisations;
    this.catalogue = catalogue;
  }

  public Figures figures(Query query) {
    IndicatorPeriod period = query.period();
    Predicate<IndicatorFact> kept = fact -> period.contains(fact.date())
        && (query.organisationId() == null || fact.organisationId() == query.organisationId())
        && (query.equipmentTypeId() == null || fact.concerns(query.equipmentTypeId()));
    List<IndicatorFact> facts = sources.stream()
        .flatMap(source -> source.facts(period.first(), period.last()).stream()).filter(kept).toList();
    Map<Long, String> names = organisations.findAll().stream()
        .collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    String organisation = query.organisationId() == null ? ALL_ORGANISATIONS
        : names.getOrDefault(query.organisationId(), "Structure n° " + query.organisationId());
    String type = query.equipmentTypeId() == null ? ALL_TYPES
        : catalogue.type(query.equipmentTypeId()).map(EquipmentType::name).orElse("Type n° " + query.equipmentTypeId());
    return compute(period, organisation, type, facts, names);
  }

  /** The members the staff may choose among, by name. */
  public List<Organisation> organisations() {
    return organisations.findAll().stream().sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  public Optional<Organisation> organisation(long id) {
    return organisations.findById(id);
  }

  /** The equipment types one may choose among, by name. */
  public List<EquipmentType> equipmentTypes() {
    return catalogue.types().stream().sorted(Comparator.comparing(EquipmentType::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  public Optional<EquipmentType> equipmentType(long id) {
    return catalogue.type(id);
  }

  /**
   * Adds up the facts of a period (already chosen: this counts every fact it is given).
   *
   * @param names the members' names by id (a member without one is named by its number)
   */
  public static Figures compute(IndicatorPeriod period, String organisation, String equipmentType,
      List<IndicatorFact> facts, Map<Long, String> names) {
    List<Count> actions = counts(facts, ReportCategory.Kind.ACTION);
    List<Count> audiences = counts(facts, ReportCategory.Kind.PUBLIC);
    List<Count> appreciations = Arrays.stream(Appreciation.values())
        .map(level -> new Count(level.name(), level.label(),
            facts.stream().filter(fact -> fact.appreciation() == level).count()))
        .toList();

    List<IndicatorPeriod> halves = period.wholeYear()
        ? List.of(IndicatorPeriod.half(period.year(), 1), IndicatorPeriod.half(period.year(), 2))
        : List.of(period);
    List<Breakdown> byHalfYear = halves.stream()
        .map(half -> breakdown(half.label(), facts.stream().filter(fact -> half.contains(fact.date())).toList()))
        .toList();

    Function<Long, String> nameOf = id -> names.getOrDefault(id, "Structure n° " + id);
    List<Breakdown> byMember = grouped(facts, fact -> List.of(nameOf.apply(fact.organisationId())));
    List<Breakdown> byEquipmentType = grouped(facts, fact -> fact.equipmentTypes().isEmpty()
        ? List.of(NO_EQUIPMENT)
        : fact.equipmentTypes().stream().map(EquipmentType::name).distinct().toList());

    return new Figures(period, organisation, equipmentType, facts.size(), actions, audiences, appreciations, byHalfYear,
        byMember, byEquipmentType);
  }

  private static List<Count> counts(List<IndicatorFact> facts, ReportCategory.Kind kind) {
    return ReportCategory.of(kind).stream()
        .map(category -> new Count(category.name(), category.label(),
            facts.stream().mapToLong(fact -> fact.number(category)).sum()))
        .toList();
  }

  private static Breakdown breakdown(String label, List<IndicatorFact> facts) {
    return new Breakdown(label, facts.size(),
        facts.stream().mapToLong(fact -> fact.total(ReportCategory.Kind.ACTION)).sum(),
        facts.stream().mapToLong(fact -> fact.total(ReportCategory.Kind.PUBLIC)).sum());
  }

  /** One row per key, by name; a fact counts once in each of its keys. */
  private static List<Breakdown> grouped(List<IndicatorFact> facts, Function<IndicatorFact, List<String>> keys) {
    Map<String, List<IndicatorFact>> groups = new LinkedHashMap<>();
    for (IndicatorFact fact : facts) {
      for (String key : keys.apply(fact)) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
      }
    }
    return groups.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
        .map(group -> breakdown(group.getKey(), group.getValue()))
        .toList();
  }
}
