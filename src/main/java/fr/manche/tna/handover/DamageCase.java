package fr.manche.tna.handover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A damage, loss, theft or failure case on an item of a loan (issue 11, item 5, R15-R17, R19): reported by the member
 * during the loan, or found by the return inspection; assessed by the equipment managers.
 */
public record DamageCase(
    long id,
    long loanRequestId,
    long itemId,
    String itemNamed,
    long organisationId,
    Origin origin,
    Nature nature,
    LocalDate occurredOn,
    String description,
    boolean open,
    String processInstanceId,
    ItemOutcome itemOutcome,
    LocalDate repairUntil,
    boolean borrowerPays,
    BigDecimal amount,
    String insuranceClaim,
    String decisionReason,
    String decidedBy,
    OffsetDateTime openedAt) {

  /** Where the case comes from. */
  public enum Origin { RETOUR, SIGNALEMENT }

  /** What the member reports (R16, R17). */
  public enum Nature {
    PANNE("une panne"), DEGAT("un dégât"), PERTE("une perte"), VOL("un vol");

    private final String label;

    Nature(String label) {
      this.label = label;
    }

    /** « une panne », « un vol ». */
    public String label() {
      return label;
    }
  }

  /** What becomes of the item (R19: retired, no replacement is owed); its label ends « le matériel … » in the mail. */
  public enum ItemOutcome {
    REPARATION("sera réparé par le Département"), REFORME("est réformé"), AUCUN("est remis en service sans réparation");

    private final String label;

    ItemOutcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** « 150,00 € ». */
  public String amountLabel() {
    return amount == null ? null : String.format(java.util.Locale.FRANCE, "%,.2f €", amount).replace('\u202f', ' ');
  }
}
