package fr.manche.tna.steering;

import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's year-end review (issue 12, item 2, R20, R23): the member's self-assessment of its commitments (R20) and
 * the year's workshops and people reached; the interview staff schedule; the results and next year's plans they
 * record.
 */
@Service
public class Reviews {

  /** How a commitment of R20 was kept this year. */
  public enum Kept {
    TENU("tenu"), EN_PARTIE("en partie"), NON_TENU("non tenu");

    private final String label;

    Kept(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The five commitments of the convention (R20), as the form and the summary name them. */
  public static final Map<String, String> COMMITMENTS = commitments();

  /** A review as it stands. */
  public record Review(long id, long organisationId, String organisationName, int year, Map<String, Kept> commitments,
      Integer workshops, Integer people, String highlights, String difficulties, ZonedDateTime interviewAt,
      String interviewPlace, String results, String plans, Boolean renewalProposed, String processInstanceId) {

    public boolean assessed() {
      return !commitments.isEmpty();
    }
  }

  private final JdbcClient jdbc;
  private final OrganisationRepository organisations;
  private final AuditLog audit;

  Reviews(JdbcClient jdbc, OrganisationRepository organisations, AuditLog audit) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.audit = audit;
  }

  private static Map<String, String> commitments() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("access", "Accès de tous au lieu de médiation");
    all.put("equipment", "Ordinateurs connectés et matériel adapté");
    all.put("facilitator", "Au moins un animateur sur place");
    all.put("workshops", "Ateliers réguliers d'initiation et de perfectionnement");
    all.put("network", "Participation aux rencontres du réseau");
    return java.util.Collections.unmodifiableMap(all);
  }

  /**
   * The member's self-assessment: how each commitment was kept, the year's workshops and people reached (whole
   * numbers), highlights and difficulties. Refused in French, nothing written, when a field is at fault.
   */
  @Transactional
  public Review assess(long reviewId, Map<String, String> kept, String workshops, String people, String highlights,
      String difficulties, String actor) {
    Review review = find(reviewId);
    Map<String, Kept> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> commitment : COMMITMENTS.entrySet()) {
      String value = kept.get(commitment.getKey());
      Kept level = java.util.Arrays.stream(Kept.values()).filter(k -> k.name().equals(value)).findFirst()
          .orElseThrow(() -> new InvalidInputException("Dites comment l'engagement « " + commitment.getValue()
              + " » a été tenu cette année : tenu, en partie ou non tenu."));
      checked.put(commitment.getKey(), level);
    }
    jdbc.sql("""
            update steering_review set commitment_access = ?, commitment_equipment = ?, commitment_facilitator = ?,
              commitment_workshops = ?, commitment_network = ?, workshops_count = ?, people_reached = ?, highlights = ?,
              difficulties = ?, assessed_by = ?, assessed_at = ?
            where id = ?
            """)
        .params(checked.get("access").name(), checked.get("equipment").name(), checked.get("facilitator").name(),
            checked.get("workshops").name(), checked.get("network").name(), number(workshops, "Nombre d'ateliers"),
            number(people, "Nombre de personnes accueillies"), SteeringCycles.optional(highlights, "Temps forts", 2000),
            SteeringCycles.optional(difficulties, "Difficultés", 2000), actor, ParisTime.now().toOffsetDateTime(), reviewId)
        .update();
    audit.record(actor, "Bilan annuel rempli par la structure", "Bilan " + review.year(), review.organisationId(), null);
    return find(reviewId);
  }

  /** Staff schedule the interview (after today); the member receives the invitation. */
  @Transactional
  public Review schedule(long reviewId, String date, String time, String place, String actor) {
    Review review = find(reviewId);
    ZonedDateTime at = ParisTime.parseOptionalDateAndTime(date, time, "Date de l'entretien", "Heure de l'entretien");
    if (at == null || !at.isAfter(ParisTime.now())) {
      throw new InvalidInputException("L'entretien doit avoir lieu après aujourd'hui : indiquez sa date et son heure.");
    }
    jdbc.sql("update steering_review set interview_at = ?, interview_place = ? where id = ?")
        .params(at.toOffsetDateTime(), SteeringCycles.required(place, "Lieu de l'entretien", 200), reviewId).update();
    audit.record(actor, "Entretien annuel fixé", "Bilan " + review.year() + " : " + ParisTime.formatDateTime(at),
        review.organisationId(), null);
    return find(reviewId);
  }

  /** After the interview: the year's results and next year's plans, and whether the renewal is proposed (R03). */
  @Transactional
  public Review record(long reviewId, String results, String plans, boolean proposeRenewal, String actor) {
    Review review = find(reviewId);
    jdbc.sql("update steering_review set results = ?, plans = ?, renewal_proposed = ?, recorded_by = ?, recorded_at = ?"
            + " where id = ?")
        .params(SteeringCycles.required(results, "Résultats de l'année", 4000),
            SteeringCycles.required(plans, "Projets pour l'année prochaine", 4000), proposeRenewal, actor,
            ParisTime.now().toOffsetDateTime(), reviewId)
        .update();
    audit.record(actor, "Bilan de l'entretien annuel enregistré", "Bilan " + review.year(), review.organisationId(),
        proposeRenewal ? "Renouvellement proposé" : null);
    return find(reviewId);
  }

  public Review find(long reviewId) {
    return jdbc.sql("select r.*, o.name from steering_review r join organisation o on o.id = r.organisation_id where r.id = ?")
        .param(reviewId).query(Reviews::map).optional()
        .orElseThrow(() -> new InvalidInputException("Cet entretien annuel n'existe pas."));
  }

  /** The reviews of a year, by organisation. */
  public java.util.List<Review> ofYear(int year) {
    return jdbc.sql("select r.*, o.name from steering_review r join organisation o on o.id = r.organisation_id"
            + " where r.period_year = ? order by o.name").param(year).query(Reviews::map).list();
  }

  public Organisation organisation(Review review) {
    return organisations.findById(review.organisationId()).orElseThrow();
  }

  private static Integer number(String typed, String label) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (!text.matches("\\d{1,6}")) {
      throw new InvalidInputException("Le champ « " + label + " » attend un nombre entier, par exemple 12.");
    }
    return Integer.parseInt(text);
  }

  private static Review map(ResultSet rs, int row) throws SQLException {
    Map<String, Kept> kept = new LinkedHashMap<>();
    for (String key : COMMITMENTS.keySet()) {
      String value = rs.getString("commitment_" + key);
      if (value != null) {
        kept.put(key, Kept.valueOf(value));
      }
    }
    OffsetDateTime at = rs.getObject("interview_at", OffsetDateTime.class);
    return new Review(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getInt("period_year"), kept,
        (Integer) rs.getObject("workshops_count"), (Integer) rs.getObject("people_reached"), rs.getString("highlights"),
        rs.getString("difficulties"), at == null ? null : at.atZoneSameInstant(ParisTime.ZONE), rs.getString("interview_place"),
        rs.getString("results"), rs.getString("plans"), (Boolean) rs.getObject("renewal_proposed"),
        rs.getString("process_instance_id"));
  }
}
