package fr.manche.tna.loan;

import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;

/** A member's request for a later last day of its loan (issue 10, item 5), and its answer. */
public record LoanExtension(
    long id,
    long loanRequestId,
    String processInstanceId,
    String requestedBy,
    LocalDate previousLastDay,
    LocalDate newLastDay,
    String reason,
    LoanExtensionStatus status,
    String decisionReason,
    String decidedBy) {

  /** « jusqu'au 24 mars 2027 ». */
  public String until() {
    return "jusqu'au " + ParisTime.formatDate(newLastDay);
  }
}
