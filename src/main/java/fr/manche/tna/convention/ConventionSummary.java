package fr.manche.tna.convention;

import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One convention as staff and members read it: its state, its dates and what comes next, in French. */
public record ConventionSummary(Convention convention, String organisationName) {

  public long id() {
    return convention.id();
  }

  public long organisationId() {
    return convention.organisationId();
  }

  public ConventionStatus status() {
    return convention.status();
  }

  public String statusLabel() {
    LocalDate today = ParisTime.today();
    return switch (convention.status()) {
      case EN_EXAMEN -> "Demande en cours d'examen";
      case A_COMPLETER -> "Compléments demandés";
      case ACCEPTEE -> convention.predecessorId() == null ? "Acceptée, en attente des signatures" : "Renouvellement en attente des signatures";
      case REFUSEE -> "Demande refusée";
      case SIGNEE -> {
        if (convention.terminationScope() == TerminationScope.PARTIELLE) {
          yield "En vigueur, " + TerminationScope.PARTIELLE.label();
        }
        yield today.isBefore(convention.effectiveDate()) ? "Signée, pas encore en vigueur" : "En vigueur";
      }
      case NON_SIGNEE -> "Non signée : signature refusée";
      case ARRIVEE_A_TERME -> "Arrivée à son terme";
      case RESILIEE -> "Résiliée";
    };
  }

  public String appliedOn() {
    return ParisTime.formatDate(convention.appliedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate());
  }

  /** "du 1er mars 2026 au 28 février 2029", or empty before the signatures. */
  public String period() {
    if (convention.effectiveDate() == null) {
      return "";
    }
    return "du " + ParisTime.formatDate(convention.effectiveDate()) + " au " + ParisTime.formatDate(convention.lastDay());
  }

  public boolean renewal() {
    return convention.predecessorId() != null;
  }

  /** The dates still to come that matter (welcome meeting, reminders, amendment deadline, end), in words. */
  public List<String> upcomingDeadlines() {
    LocalDate today = ParisTime.today();
    List<String> deadlines = new ArrayList<>();
    if (convention.status() == ConventionStatus.ACCEPTEE
        && convention.welcomeMeetingAt() != null
        && convention.welcomeMeetingAt().toInstant().isAfter(ParisTime.now().toInstant())) {
      deadlines.add("Rendez-vous d'accueil le " + ParisTime.formatDateTime(convention.welcomeMeetingAt().atZoneSameInstant(ParisTime.ZONE)));
    }
    if (convention.status() == ConventionStatus.SIGNEE) {
      LocalDate lastDay = convention.lastDay();
      if (today.isBefore(convention.effectiveDate())) {
        deadlines.add("Entrée en vigueur le " + ParisTime.formatDate(convention.effectiveDate()));
      }
      LocalDate amendmentDeadline = ConventionTerms.amendmentRequestDeadline(lastDay);
      if (!today.isAfter(amendmentDeadline)) {
        deadlines.add("Demandes d'avenant jusqu'au " + ParisTime.formatDate(amendmentDeadline) + " (article 9)");
      }
      ConventionTerms.endReminders(lastDay).stream()
          .filter(reminder -> reminder.toLocalDate().isAfter(today))
          .findFirst()
          .ifPresent(reminder -> deadlines.add("Rappel de fin de convention le " + ParisTime.formatDate(reminder.toLocalDate())));
      deadlines.add("Dernier jour en vigueur : " + ParisTime.formatDate(lastDay));
    }
    return deadlines;
  }

  /** The first upcoming deadline, or an empty text. */
  public String nextDeadline() {
    List<String> deadlines = upcomingDeadlines();
    return deadlines.isEmpty() ? "" : deadlines.get(0);
  }
}
