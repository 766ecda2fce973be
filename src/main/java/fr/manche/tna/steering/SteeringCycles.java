package fr.manche.tna.steering;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering cycle's calendar and records (issue 12, R23): the dates staff set for the mid-year committee and the
 * year-end reviews, each cycle's automatic start once a year (held by the database: kind, year and 'AUTO' are unique),
 * starts by hand, the committee's preparation, invitations, proposals and record, and the members' reviews.
 */
@Service
public class SteeringCycles {

  /** How long after its date a missed automatic start still happens (the application was stopped that day). */
  static final int CATCH_UP_DAYS = 30;

  public enum Kind { COMITE, BILAN }

  /** The dates of the cycle in a year. */
  public record Settings(int committeeMonth, int committeeDay, int reviewMonth, int reviewDay) {
    public LocalDate committeeDate(int year) {
      return LocalDate.of(year, committeeMonth, committeeDay);
    }

    public LocalDate reviewDate(int year) {
      return LocalDate.of(year, reviewMonth, reviewDay);
    }
  }

  /** A committee as the referent prepares and records it. */
  public record Committee(long id, int year, boolean automatic, ZonedDateTime meetingAt, String place, String agenda,
      LocalDate proposalsDeadline, String minutes, String decisions, String attendance, String processInstanceId) {

    public boolean prepared() {
      return meetingAt != null;
    }
  }

  /** A member's proposal for a committee. */
  public record Proposal(long id, long organisationId, String organisationName, String kind, String title,
      String description) {

    /** « Sujet » or « Pratique à partager ». */
    public String kindLabel() {
      return "PRATIQUE".equals(kind) ? "Pratique à partager" : "Sujet";
    }
  }

  /** What a calendar run started: the committees' and the reviews' process keys are started by the caller. */
  public record Started(List<Long> committees, List<Long> reviews) {}

  private final JdbcClient jdbc;
  private final ConventionLifecycle conventions;
  private final OrganisationRepository organisations;
  private final AuditLog audit;

  SteeringCycles(JdbcClient jdbc, ConventionLifecycle conventions, OrganisationRepository organisations, AuditLog audit) {
    this.jdbc = jdbc;
    this.conventions = conventions;
    this.organisations = organisations;
    this.audit = audit;
  }

  public Settings settings() {
    return jdbc.sql("select * from steering_settings where id = 1")
        .query((rs, row) -> new Settings(rs.getInt("committee_month"), rs.getInt("committee_day"), rs.getInt("review_month"),
            rs.getInt("review_day")))
        .single();
  }

  /** Sets the cycle's dates (day 1 to 28 of a month, the same every year). */
  @Transactional
  public Settings setSettings(int committeeMonth, int committeeDay, int reviewMonth, int reviewDay, String actor) {
    if (committeeMonth < 1 || committeeMonth > 12 || reviewMonth < 1 || reviewMonth > 12 || committeeDay < 1
        || committeeDay > 28 || reviewDay < 1 || reviewDay > 28) {
      throw new InvalidInputException("Choisissez un mois de 1 à 12 et un jour de 1 à 28 (le même chaque année).");
    }
    jdbc.sql("update steering_settings set committee_month = ?, committee_day = ?, review_month = ?, review_day = ?"
        + " where id = 1").params(committeeMonth, committeeDay, reviewMonth, reviewDay).update();
    audit.record(actor, "Dates du cycle de pilotage changées", "comité le " + committeeDay + "/" + committeeMonth
        + ", bilans le " + reviewDay + "/" + reviewMonth, null, null);
    return settings();
  }

  /**
   * The cycles due today and not started yet this year (from their date, for {@value #CATCH_UP_DAYS} days): each is
   * recorded once per kind and year, so that a second run (a restart, two nodes) starts nothing.
   *
   * @return the committee cycles and the reviews (one per member in force today) to start
   */
  @Transactional
  public Started dueOn(LocalDate today) {
    Settings settings = settings();
    List<Long> committees = new ArrayList<>();
    List<Long> reviews = new ArrayList<>();
    int year = today.getYear();
    if (due(today, settings.committeeDate(year))) {
      insertCycle(Kind.COMITE, year, true, "automatique").ifPresent(committees::add);
    }
    if (due(today, settings.reviewDate(year))) {
      Optional<Long> cycle = insertCycle(Kind.BILAN, year, true, "automatique");
      if (cycle.isPresent()) {
        for (long organisationId : conventions.membersOn(today)) {
          insertReview(cycle.get(), organisationId, year).ifPresent(reviews::add);
        }
      }
    }
    return new Started(committees, reviews);
  }

  /** A committee started by hand for the year (a committee moved or an extra one), beside the automatic one. */
  @Transactional
  public long startCommitteeByHand(String year, String actor) {
    int checkedYear = year(year);
    long id = insertCycle(Kind.COMITE, checkedYear, false, actor).orElseThrow();
    audit.record(actor, "Comité du réseau démarré à la main", "Comité " + checkedYear, null, null);
    return id;
  }

  /** A member's review started by hand (admitted mid-year, or reviewed again), once per year. */
  @Transactional
  public long startReviewByHand(String siret, String year, String actor) {
    int checkedYear = year(year);
    String cleaned = siret == null ? "" : siret.replaceAll("\\s", "");
    Organisation organisation = organisations.findBySiret(cleaned).orElseThrow(() -> new InvalidInputException(
        "Aucune organisation du réseau n'a le SIRET « " + cleaned + " »."));
    if (conventions.inForceOn(organisation.id(), ParisTime.today()).isEmpty()) {
      throw new InvalidInputException(organisation.name() + " n'a pas de convention en vigueur : pas d'entretien annuel.");
    }
    long id = insertReview(null, organisation.id(), checkedYear).orElseThrow(() -> new InvalidInputException(
        "L'entretien annuel " + checkedYear + " de " + organisation.name() + " existe déjà."));
    audit.record(actor, "Entretien annuel démarré à la main", "Bilan " + checkedYear, organisation.id(), null);
    return id;
  }

  public void attachProcess(String table, long id, String processInstanceId) {
    if (!table.equals("steering_cycle") && !table.equals("steering_review")) {
      throw new IllegalArgumentException(table);
    }
    jdbc.sql("update " + table + " set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  // ---- The committee -----------------------------------------------------------------------------------------

  /**
   * The referent sets the date, time, place, agenda and the deadline for proposals: the members in force on the
   * meeting's day are invited (R23). Refused in French, nothing changed, when a date is unreadable, past, or the
   * deadline is not before the meeting.
   */
  @Transactional
  public List<Organisation> prepare(long cycleId, String date, String time, String place, String agenda, String deadline,
      String actor) {
    ZonedDateTime meeting = ParisTime.parseOptionalDateAndTime(date, time, "Date du comité", "Heure du comité");
    if (meeting == null || !meeting.isAfter(ParisTime.now())) {
      throw new InvalidInputException("Le comité doit avoir lieu après aujourd'hui : indiquez sa date et son heure.");
    }
    LocalDate until = ParisTime.parseDate(deadline, "Date limite des propositions");
    if (until.isBefore(ParisTime.today()) || !until.isBefore(meeting.toLocalDate())) {
      throw new InvalidInputException("La date limite des propositions doit se situer entre aujourd'hui et la veille du"
          + " comité.");
    }
    String checkedPlace = required(place, "Lieu", 200);
    String checkedAgenda = required(agenda, "Ordre du jour", 4000);
    jdbc.sql("update steering_cycle set meeting_at = ?, place = ?, agenda = ?, proposals_deadline = ? where id = ?")
        .params(meeting.toOffsetDateTime(), checkedPlace, checkedAgenda, until, cycleId).update();
    jdbc.sql("delete from committee_invitation where cycle_id = ?").param(cycleId).update();
    List<Organisation> invited = new ArrayList<>();
    for (long organisationId : conventions.membersOn(meeting.toLocalDate())) {
      jdbc.sql("insert into committee_invitation (cycle_id, organisation_id) values (?, ?)").params(cycleId, organisationId)
          .update();
      organisations.findById(organisationId).ifPresent(invited::add);
    }
    audit.record(actor, "Comité du réseau préparé", "Comité du " + ParisTime.formatDateTime(meeting) + ", " + checkedPlace
        + " : " + invited.size() + " structures invitées", null, null);
    return invited;
  }

  /** A member proposes a topic or a practice for the open committee they are invited to, before its deadline. */
  @Transactional
  public long propose(long organisationId, String kind, String title, String description, String actor) {
    Committee committee = openCommitteeFor(organisationId).orElseThrow(() -> new InvalidInputException(
        "Aucun comité du réseau n'attend de propositions de votre structure en ce moment : une structure invitée peut"
            + " proposer un sujet jusqu'à la date limite indiquée dans son invitation."));
    String checkedKind = "PRATIQUE".equals(kind) ? "PRATIQUE" : "SUJET".equals(kind) ? "SUJET" : null;
    if (checkedKind == null) {
      throw new InvalidInputException("Dites si vous proposez un sujet ou une pratique à partager.");
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into committee_proposal (cycle_id, organisation_id, kind, title, description, proposed_by, proposed_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(committee.id(), organisationId, checkedKind, required(title, "Titre", 200),
            optional(description, "Description", 2000), actor, ParisTime.now().toOffsetDateTime())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** After the meeting: who came (among the invited), the minutes and the decisions, sent to all the members. */
  @Transactional
  public Committee record(long cycleId, List<String> present, String minutes, String decisions, String actor) {
    List<Long> invited = invitedIds(cycleId);
    List<String> names = new ArrayList<>();
    for (String value : present == null ? List.<String>of() : present) {
      long id = value != null && value.matches("\\d{1,18}") ? Long.parseLong(value) : -1;
      if (!invited.contains(id)) {
        throw new InvalidInputException("Ne cochez que des structures invitées au comité.");
      }
      names.add(organisations.findById(id).map(Organisation::name).orElseThrow());
    }
    jdbc.sql("update steering_cycle set attendance = ?, minutes = ?, decisions = ?, recorded_by = ? where id = ?")
        .params(String.join("\n", names), required(minutes, "Compte rendu", 4000), required(decisions, "Décisions", 4000),
            actor, cycleId)
        .update();
    audit.record(actor, "Compte rendu du comité du réseau enregistré", "Comité " + committee(cycleId).year() + " : "
        + names.size() + " structures présentes", null, null);
    return committee(cycleId);
  }

  public Committee committee(long cycleId) {
    return jdbc.sql("select * from steering_cycle where id = ? and kind = 'COMITE'").param(cycleId)
        .query((rs, row) -> new Committee(rs.getLong("id"), rs.getInt("period_year"), rs.getString("automatic_key") != null,
            rs.getObject("meeting_at", OffsetDateTime.class) == null ? null
                : rs.getObject("meeting_at", OffsetDateTime.class).atZoneSameInstant(ParisTime.ZONE),
            rs.getString("place"), rs.getString("agenda"), rs.getObject("proposals_deadline", LocalDate.class),
            rs.getString("minutes"), rs.getString("decisions"), rs.getString("attendance"),
            rs.getString("process_instance_id")))
        .optional().orElseThrow(() -> new InvalidInputException("Ce comité n'existe pas."));
  }

  /** The committees of a kind and year, oldest first (the automatic one and those started by hand). */
  public List<Long> cycles(Kind kind, int year) {
    return jdbc.sql("select id from steering_cycle where kind = ? and period_year = ? order by id")
        .params(kind.name(), year).query(Long.class).list();
  }

  public List<Organisation> invited(long cycleId) {
    return invitedIds(cycleId).stream().map(id -> organisations.findById(id).orElseThrow()).toList();
  }

  public List<Proposal> proposals(long cycleId) {
    return jdbc.sql("select p.*, o.name from committee_proposal p join organisation o on o.id = p.organisation_id"
            + " where p.cycle_id = ? order by p.id")
        .param(cycleId)
        .query((rs, row) -> new Proposal(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
            rs.getString("kind"), rs.getString("title"), rs.getString("description")))
        .list();
  }

  private Optional<Committee> openCommitteeFor(long organisationId) {
    return jdbc.sql("select c.id from steering_cycle c join committee_invitation i on i.cycle_id = c.id"
            + " where i.organisation_id = ? and c.proposals_deadline >= ? order by c.id desc")
        .params(organisationId, ParisTime.today()).query(Long.class).list().stream().findFirst().map(this::committee);
  }

  private List<Long> invitedIds(long cycleId) {
    return jdbc.sql("select organisation_id from committee_invitation where cycle_id = ? order by organisation_id")
        .param(cycleId).query(Long.class).list();
  }

  // ---- Records ------------------------------------------------------------------------------------------------

  private Optional<Long> insertCycle(Kind kind, int year, boolean automatic, String actor) {
    if (automatic && jdbc.sql("select count(*) from steering_cycle where kind = ? and period_year = ? and automatic_key = 'AUTO'")
        .params(kind.name(), year).query(Long.class).single() > 0) {
      return Optional.empty();
    }
    KeyHolder keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("insert into steering_cycle (kind, period_year, automatic_key, started_by, started_at) values (?, ?, ?, ?, ?)")
          .params(kind.name(), year, automatic ? "AUTO" : null, actor, ParisTime.now().toOffsetDateTime())
          .update(keys, "id");
    } catch (DuplicateKeyException startedElsewhere) {
      return Optional.empty();
    }
    return Optional.of(keys.getKey().longValue());
  }

  private Optional<Long> insertReview(Long cycleId, long organisationId, int year) {
    if (jdbc.sql("select count(*) from steering_review where organisation_id = ? and period_year = ?")
        .params(organisationId, year).query(Long.class).single() > 0) {
      return Optional.empty();
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into steering_review (cycle_id, organisation_id, period_year) values (?, ?, ?)")
        .params(cycleId, organisationId, year).update(keys, "id");
    return Optional.of(keys.getKey().longValue());
  }

  private static boolean due(LocalDate today, LocalDate date) {
    return !today.isBefore(date) && today.isBefore(date.plusDays(CATCH_UP_DAYS));
  }

  private static int year(String typed) {
    String text = typed == null ? "" : typed.strip();
    if (!text.matches("20\\d\\d")) {
      throw new InvalidInputException("L'année s'écrit en quatre chiffres, par exemple " + ParisTime.today().getYear() + ".");
    }
    return Integer.parseInt(text);
  }

  static String required(String value, String label, int max) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("Le champ « " + label + " » est obligatoire.");
    }
    if (text.length() > max) {
      throw new InvalidInputException("Le champ « " + label + " » dépasse " + max + " caractères.");
    }
    return text;
  }

  static String optional(String value, String label, int max) {
    return value == null || value.isBlank() ? null : required(value, label, max);
  }

  /** The convention's last day when it ends within a year from today (the review offers its renewal, R03). */
  public Optional<LocalDate> endsWithinAYear(long organisationId) {
    return conventions.inForceOn(organisationId, ParisTime.today()).map(Convention::lastDay)
        .filter(last -> !last.isAfter(ParisTime.today().plusYears(1)));
  }
}
