package fr.manche.tna.handover;

import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.handover.LoanReport.Line;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loans' reports (issue 11, item 7, R24): once the equipment is back, the member tells the actions led with it
 * and the audiences reached, by type and number, and how the audience found it. Everything is checked here, whatever
 * the form let through; a report is filed once. The steering (issue 12) reads them by organisation.
 */
@Service
public class LoanReports {

  /** The largest number a line takes: more is a typing mistake. */
  public static final int MAX_NUMBER = 100_000;
  public static final int MAX_COMMENTS = 2000;
  /** The form's labels, as the refusals name them. */
  public static final String APPRECIATION_LABEL = "Appréciation du public";
  public static final String COMMENTS_LABEL = "Commentaires";

  private final JdbcClient jdbc;
  private final LoanRequestService loans;
  private final AuditLog audit;

  LoanReports(JdbcClient jdbc, LoanRequestService loans, AuditLog audit) {
    this.jdbc = jdbc;
    this.loans = loans;
    this.audit = audit;
  }

  /**
   * Files the report of a returned loan of the organisation (refused in French, nothing written, when a value is at
   * fault, the loan is not the organisation's or not returned, or its report is already filed).
   *
   * @param numbers by category, as submitted: a whole number from 0 to {@value #MAX_NUMBER}, typed as text (spaces
   *     between the digits allowed) or a number; missing or blank is 0. At least one action and one audience above 0.
   * @param appreciation the name of an {@link Appreciation}
   * @param comments optional, at most {@value #MAX_COMMENTS} characters
   */
  @Transactional
  public LoanReport file(long loanId, long organisationId, Map<ReportCategory, ?> numbers, String appreciation,
      String comments, String actor) {
    LoanRequest loan = loans.find(loanId);
    if (loan.organisationId() != organisationId) {
      throw new InvalidInputException("Le prêt n° " + loanId + " n'est pas un prêt de votre structure.");
    }
    if (loan.status() != LoanRequestStatus.RENDUE) {
      throw new InvalidInputException("Le compte rendu du prêt n° " + loanId + " se rédige une fois le matériel rendu.");
    }
    Optional<LoanReport> filed = find(loanId);
    if (filed.isPresent()) {
      throw alreadyFiled(filed.get());
    }
    Map<ReportCategory, Integer> checked = new EnumMap<>(ReportCategory.class);
    for (ReportCategory category : ReportCategory.values()) {
      checked.put(category, number(numbers.get(category), category));
    }
    requireOne(checked, ReportCategory.Kind.ACTION, "Indiquez au moins une action menée avec le matériel : un nombre"
        + " supérieur à 0 pour les séances d'initiation, les ateliers thématiques, les mises à disposition ou les"
        + " événements.");
    requireOne(checked, ReportCategory.Kind.PUBLIC, "Indiquez au moins un public touché : un nombre de personnes"
        + " supérieur à 0 pour les scolaires, les demandeurs d'emploi, les enseignants, les seniors, le tout public ou"
        + " les autres publics.");
    Appreciation scale = Appreciation.fromSubmitted(appreciation).orElseThrow(() -> new InvalidInputException(
        "Le champ « " + APPRECIATION_LABEL + " » est obligatoire : choisissez "
            + Arrays.stream(Appreciation.values()).map(Appreciation::label).collect(Collectors.joining(", ")) + "."));
    String text = Inputs.optional(comments, COMMENTS_LABEL, MAX_COMMENTS);

    KeyHolder keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("insert into loan_report (loan_request_id, organisation_id, filed_by, filed_at, appreciation, comments)"
              + " values (?, ?, ?, ?, ?, ?)")
          .params(loanId, organisationId, actor, ParisTime.now().toOffsetDateTime(), scale.name(), text)
          .update(keys, "id");
    } catch (DuplicateKeyException e) {
      throw alreadyFiled(find(loanId).orElseThrow(() -> e));
    }
    long reportId = keys.getKey().longValue();
    checked.forEach((category, number) -> {
      if (number > 0) {
        jdbc.sql("insert into loan_report_line (report_id, kind, category, quantity) values (?, ?, ?, ?)")
            .params(reportId, category.kind().name(), category.name(), number).update();
      }
    });
    LoanReport report = find(loanId).orElseThrow();
    audit.record(actor, "Compte rendu du prêt rédigé", Bookings.describe(loan), organisationId, summary(report));
    return report;
  }

  public Optional<LoanReport> find(long loanId) {
    return jdbc.sql("select * from loan_report where loan_request_id = ?").param(loanId).query(this::map).optional();
  }

  /** The organisation's reports, the latest first. */
  public List<LoanReport> ofOrganisation(long organisationId) {
    return jdbc.sql("select * from loan_report where organisation_id = ? order by filed_at desc, id desc")
        .param(organisationId).query(this::map).list();
  }

  /** « 2 séances d'initiation… » as one line: the lines, the appreciation. */
  public static String summary(LoanReport report) {
    String lines = report.lines().stream().map(line -> line.category().label() + " : " + line.number())
        .collect(Collectors.joining(" ; "));
    return lines + " ; appréciation : " + report.appreciation().label();
  }

  /** A whole number from 0 to {@value #MAX_NUMBER}, refused in French naming the field otherwise. */
  static int number(Object submitted, ReportCategory category) {
    String fault = "Le champ « " + category.fieldLabel() + " » attend un nombre entier de 0 à 100 000, écrit en"
        + " chiffres.";
    if (submitted == null) {
      return 0;
    }
    BigDecimal value;
    if (submitted instanceof Number number) {
      try {
        value = new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(fault);
      }
    } else if (submitted instanceof String text) {
      String digits = text.replaceAll("[\\s\\u00A0\\u202F]", "");
      if (digits.isEmpty()) {
        return 0;
      }
      if (!digits.matches("\\d{1,7}")) {
        throw new InvalidInputException(fault);
      }
      value = new BigDecimal(digits);
    } else {
      throw new InvalidInputException(fault);
    }
    if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(MAX_NUMBER)) > 0) {
      throw new InvalidInputException(fault);
    }
    return value.intValueExact();
  }

  private static void requireOne(Map<ReportCategory, Integer> numbers, ReportCategory.Kind kind, String message) {
    if (ReportCategory.of(kind).stream().noneMatch(category -> numbers.get(category) > 0)) {
      throw new InvalidInputException(message);
    }
  }

  private static InvalidInputException alreadyFiled(LoanReport report) {
    return new InvalidInputException("Le compte rendu du prêt n° " + report.loanRequestId() + " est déjà rédigé (le "
        + ParisTime.formatDateTime(report.filedAt().atZoneSameInstant(ParisTime.ZONE)) + ").");
  }

  private LoanReport map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<Line> lines = jdbc.sql("select category, quantity from loan_report_line where report_id = ?").param(id)
        .query((line, n) -> new Line(ReportCategory.valueOf(line.getString("category")), line.getInt("quantity")))
        .list().stream().sorted((a, b) -> a.category().compareTo(b.category())).toList();
    return new LoanReport(id, rs.getLong("loan_request_id"), rs.getLong("organisation_id"), rs.getString("filed_by"),
        rs.getObject("filed_at", OffsetDateTime.class), Appreciation.valueOf(rs.getString("appreciation")),
        rs.getString("comments"), lines);
  }
}
