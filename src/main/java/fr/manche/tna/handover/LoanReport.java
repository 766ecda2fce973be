package fr.manche.tna.handover;

import fr.manche.tna.platform.Appreciation;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A loan's report (R24), filed by the member once the equipment is back: the actions and the audiences with a number
 * above zero, in the order of {@link ReportCategory}, the audience's appreciation and comments.
 */
public record LoanReport(
    long id,
    long loanRequestId,
    long organisationId,
    String filedBy,
    OffsetDateTime filedAt,
    Appreciation appreciation,
    String comments,
    List<Line> lines) {

  /** How many actions of a kind, or how many people of an audience. */
  public record Line(ReportCategory category, int number) {}

  /** The number given for the category, 0 when none. */
  public int number(ReportCategory category) {
    return lines.stream().filter(line -> line.category() == category).mapToInt(Line::number).findFirst().orElse(0);
  }

  public List<Line> lines(ReportCategory.Kind kind) {
    return lines.stream().filter(line -> line.category().kind() == kind).toList();
  }
}
