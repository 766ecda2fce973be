package fr.manche.tna.steering.web;

import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.steering.IndicatorPeriod;
import fr.manche.tna.steering.Indicators;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators' filters as typed in the pages' GET parameters (année, semestre, structure, type de matériel), read
 * into a query. A filter that cannot be read gets its French message (by parameter name) and its default: the current
 * year, the whole year, every member, every type. Never a server error.
 */
final class IndicatorFilters {

  /** The filters as typed. */
  record Typed(String annee, String semestre, String structure, String materiel) {
    Typed trimmed() {
      return new Typed(trim(annee), trim(semestre), trim(structure), trim(materiel));
    }

    private static String trim(String value) {
      return value == null ? "" : value.strip();
    }
  }

  /** What was read: the query and each refused filter's message. */
  record Read(Indicators.Query query, Map<String, String> errors, boolean organisationChosen) {
    /**
     * The query again as GET parameters (« ?annee=2031&semestre=1 »), for the exports of the same figures; the
     * organisation only when it was chosen (staff), never the member's own.
     */
    String parameters() {
      StringBuilder parameters = new StringBuilder("?annee=").append(query.period().year());
      if (!query.period().wholeYear()) {
        parameters.append("&semestre=").append(query.period().half());
      }
      if (organisationChosen && query.organisationId() != null) {
        parameters.append("&structure=").append(query.organisationId());
      }
      if (query.equipmentTypeId() != null) {
        parameters.append("&materiel=").append(query.equipmentTypeId());
      }
      return parameters.toString();
    }
  }

  static final String YEAR_MESSAGE = "L'année s'écrit en chiffres, de " + IndicatorPeriod.FIRST_YEAR + " à "
      + IndicatorPeriod.LAST_YEAR + " (par exemple 2031) : les indicateurs de l'année en cours sont affichés.";
  static final String HALF_MESSAGE =
      "Choisissez « 1er semestre », « 2nd semestre » ou « Année entière » : l'année entière est affichée.";
  static final String ORGANISATION_MESSAGE = "Choisissez une structure dans la liste : toutes sont affichées.";
  static final String TYPE_MESSAGE = "Choisissez un type de matériel dans la liste : tous sont affichés.";

  private IndicatorFilters() {}

  /**
   * @param organisationId the member's own organisation on a member's page (the typed one is then ignored), null on
   *     the staff's page
   */
  static Read read(Typed typed, Indicators indicators, Long organisationId) {
    Typed filters = typed.trimmed();
    Map<String, String> errors = new LinkedHashMap<>();
    int year = ParisTime.today().getYear();
    if (!filters.annee().isEmpty()) {
      if (filters.annee().matches("\\d{4}") && Integer.parseInt(filters.annee()) >= IndicatorPeriod.FIRST_YEAR
          && Integer.parseInt(filters.annee()) <= IndicatorPeriod.LAST_YEAR) {
        year = Integer.parseInt(filters.annee());
      } else {
        errors.put("annee", YEAR_MESSAGE);
      }
    }
    int half = 0;
    switch (filters.semestre()) {
      case "" -> half = 0;
      case "1" -> half = 1;
      case "2" -> half = 2;
      default -> errors.put("semestre", HALF_MESSAGE);
    }
    Long organisation = organisationId;
    if (organisationId == null && !filters.structure().isEmpty()) {
      organisation = number(filters.structure())
          .filter(id -> indicators.organisation(id).isPresent()).orElse(null);
      if (organisation == null) {
        errors.put("structure", ORGANISATION_MESSAGE);
      }
    }
    Long type = null;
    if (!filters.materiel().isEmpty()) {
      type = number(filters.materiel()).filter(id -> indicators.equipmentType(id).isPresent()).orElse(null);
      if (type == null) {
        errors.put("materiel", TYPE_MESSAGE);
      }
    }
    return new Read(new Indicators.Query(new IndicatorPeriod(year, half), organisation, type), errors,
        organisationId == null);
  }

  private static Optional<Long> number(String value) {
    return value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
  }
}
