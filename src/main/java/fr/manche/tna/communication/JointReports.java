package fr.manche.tna.communication;

import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.membership.OrganisationAccess;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint operations' reports (issue 12, item 4, R22): after the diffusion of a communication operation the referent
 * agreed (R21), the member tells what was done, the people reached, the number of publications or diffusions, the
 * partners involved and how the audience found it. Everything is checked here, whatever the form let through; a report
 * is filed once. The indicators (R24) read them by organisation and by period.
 */
@Service
public class JointReports {

  /** The largest numbers taken: more is a typing mistake. */
  public static final int MAX_PEOPLE = 1_000_000;
  public static final int MAX_DIFFUSIONS = 10_000;
  public static final int MIN_WHAT_WAS_DONE = 20;
  public static final int MAX_WHAT_WAS_DONE = 4000;
  public static final int MAX_PARTNERS = 1000;
  public static final int MAX_COMMENTS = 2000;
  /** The form's labels, as the refusals name them. */
  public static final String WHAT_WAS_DONE_LABEL = "Ce qui a été fait";
  public static final String PEOPLE_REACHED_LABEL = "Nombre de personnes touchées";
  public static final String DIFFUSIONS_LABEL = "Nombre de publications ou diffusions";
  public static final String PARTNERS_LABEL = "Partenaires associés";
  public static final String APPRECIATION_LABEL = "Appréciation du public";
  public static final String COMMENTS_LABEL = "Commentaires";

  /**
   * What the member's form says, as submitted: the numbers are whole numbers typed as text (spaces between the digits
   * allowed) or numbers; the appreciation is the name of an {@link Appreciation}; partners and comments are optional.
   */
  public record Submission(String whatWasDone, Object peopleReached, Object diffusions, String partners,
      String appreciation, String comments) {}

  private static final String SELECT = "select r.*, c.subject, c.planned_on from joint_report r"
      + " join communication_request c on c.id = r.communication_request_id";

  private final JdbcClient jdbc;
  private final CommunicationRequestService requests;
  private final OrganisationAccess access;
  private final AuditLog audit;

  JointReports(JdbcClient jdbc, CommunicationRequestService requests, OrganisationAccess access, AuditLog audit) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Files the report of an agreed communication operation of the organisation, once its diffusion day is past. Refused
   * in French, nothing written, when the request is not the organisation's (or {@code actor} is a person of another
   * organisation), not agreed, not diffused yet, already reported on, or when a value is at fault (the message names
   * the field).
   */
  @Transactional
  public JointReport file(long requestId, long organisationId, Submission submission, String actor) {
    CommunicationRequest request = requests.findIfAny(requestId)
        .filter(found -> found.organisationId() == organisationId)
        .orElseThrow(() -> new InvalidInputException(
            "La demande de communication n° " + requestId + " n'est pas une demande de votre structure."));
    access.check(actor, organisationId);
    if (request.status() != CommunicationDecision.ACCORDEE) {
      throw new InvalidInputException("Le compte rendu se rédige pour une opération de communication accordée : la"
          + " demande « " + request.subject() + " » est " + request.status().label() + ".");
    }
    if (!ParisTime.today().isAfter(request.plannedOn())) {
      throw new InvalidInputException("Le compte rendu de l'opération « " + request.subject() + " » se rédige après sa"
          + " diffusion, prévue le " + ParisTime.formatDate(request.plannedOn()) + ".");
    }
    Optional<JointReport> filed = find(requestId);
    if (filed.isPresent()) {
      throw alreadyFiled(filed.get());
    }
    String whatWasDone = Inputs.required(submission.whatWasDone(), WHAT_WAS_DONE_LABEL, MAX_WHAT_WAS_DONE);
    if (whatWasDone.length() < MIN_WHAT_WAS_DONE) {
      throw new InvalidInputException("Le champ « " + WHAT_WAS_DONE_LABEL + " » attend quelques phrases (au moins "
          + MIN_WHAT_WAS_DONE + " caractères) : ce qui a été publié ou diffusé, où, et comment le réseau a été cité.");
    }
    int people = number(submission.peopleReached(), PEOPLE_REACHED_LABEL, MAX_PEOPLE);
    int diffusions = number(submission.diffusions(), DIFFUSIONS_LABEL, MAX_DIFFUSIONS);
    String partners = Inputs.optional(submission.partners(), PARTNERS_LABEL, MAX_PARTNERS);
    Appreciation appreciation = Appreciation.fromSubmitted(submission.appreciation()).orElseThrow(() ->
        new InvalidInputException("Le champ « " + APPRECIATION_LABEL + " » est obligatoire : choisissez "
            + Arrays.stream(Appreciation.values()).map(Appreciation::label).collect(Collectors.joining(", ")) + "."));
    String comments = Inputs.optional(submission.comments(), COMMENTS_LABEL, MAX_COMMENTS);
    try {
      jdbc.sql("insert into joint_report (communication_request_id, organisation_id, filed_by, filed_at, what_was_done,"
              + " people_reached, diffusions, partners, appreciation, comments) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(requestId, organisationId, actor, ParisTime.now().toOffsetDateTime(), whatWasDone, people, diffusions,
              partners, appreciation.name(), comments)
          .update();
    } catch (DuplicateKeyException e) {
      throw alreadyFiled(find(requestId).orElseThrow(() -> e));
    }
    JointReport report = find(requestId).orElseThrow();
    audit.record(actor, "Compte rendu d'une opération de communication rédigé",
        "Communication « " + request.subject() + " »", organisationId, summary(report));
    return report;
  }

  /** The report of the communication request, if filed. */
  public Optional<JointReport> find(long requestId) {
    return jdbc.sql(SELECT + " where r.communication_request_id = ?").param(requestId).query(JointReports::map).optional();
  }

  /**
   * The reports of one organisation's joint operations (R22), for its indicators (R24) and its own pages: every report
   * it filed, the latest diffusion first. Empty when it filed none.
   */
  public List<JointReport> ofOrganisation(long organisationId) {
    return jdbc.sql(SELECT + " where r.organisation_id = ? order by c.planned_on desc, r.id desc")
        .param(organisationId).query(JointReports::map).list();
  }

  /**
   * The reports of the joint operations (R22) of every organisation diffused within a period, for the network's
   * indicators (R24: by half-year, by year). An operation belongs to the period of its diffusion day ({@link
   * JointReport#diffusedOn()}, the day the request planned, Paris), not of the day its report was filed: an operation
   * of late June reported in July counts in the first half-year.
   *
   * @param from the first day of the period, included
   * @param to the last day of the period, included
   * @return the reports, by diffusion day then filing order
   */
  public List<JointReport> between(LocalDate from, LocalDate to) {
    return jdbc.sql(SELECT + " where c.planned_on between ? and ? order by c.planned_on, r.id")
        .params(from, to).query(JointReports::map).list();
  }

  /** « 250 personnes touchées ; 3 publications ou diffusions ; appréciation : Satisfait » as one line. */
  public static String summary(JointReport report) {
    return report.peopleReached() + " personnes touchées ; " + report.diffusions() + " publications ou diffusions ;"
        + " appréciation : " + report.appreciation().label();
  }

  /** A whole number from 0 to {@code max}, required; refused in French naming the field otherwise. */
  static int number(Object submitted, String label, int max) {
    String fault = "Le champ « " + label + " » attend un nombre entier de 0 à "
        + String.format(java.util.Locale.FRANCE, "%,d", max).replace('\u202F', ' ').replace('\u00A0', ' ')
        + ", écrit en chiffres.";
    BigDecimal value;
    if (submitted instanceof Number number) {
      try {
        value = new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(fault);
      }
    } else if (submitted == null || submitted instanceof String) {
      String digits = submitted == null ? "" : ((String) submitted).replaceAll("[\\s\\u00A0\\u202F]", "");
      if (digits.isEmpty()) {
        throw new InvalidInputException("Le champ « " + label + " » est obligatoire : un nombre écrit en chiffres, 0 si"
            + " aucun.");
      }
      if (!digits.matches("\\d{1,8}")) {
        throw new InvalidInputException(fault);
      }
      value = new BigDecimal(digits);
    } else {
      throw new InvalidInputException(fault);
    }
    if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(fault);
    }
    return value.intValueExact();
  }

  private static InvalidInputException alreadyFiled(JointReport report) {
    return new InvalidInputException("Le compte rendu de l'opération « " + report.subject() + " » est déjà rédigé (le "
        + ParisTime.formatDateTime(report.filedAt().atZoneSameInstant(ParisTime.ZONE)) + ").");
  }

  private static JointReport map(ResultSet rs, int row) throws SQLException {
    return new JointReport(rs.getLong("id"), rs.getLong("communication_request_id"), rs.getLong("organisation_id"),
        rs.getString("subject"), rs.getObject("planned_on", LocalDate.class), rs.getString("filed_by"),
        rs.getObject("filed_at", OffsetDateTime.class), rs.getString("what_was_done"), rs.getInt("people_reached"),
        rs.getInt("diffusions"), rs.getString("partners"), Appreciation.valueOf(rs.getString("appreciation")),
        rs.getString("comments"));
  }
}
