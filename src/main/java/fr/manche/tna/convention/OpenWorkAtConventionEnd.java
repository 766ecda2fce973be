package fr.manche.tna.convention;

import java.util.List;

/**
 * What a later capability still has open for an organisation when its convention ends or is terminated (R08: it
 * may no longer borrow), listed in the mail to the equipment managers and referents. The loans implement it; the
 * convention does not know them (module order, README).
 */
public interface OpenWorkAtConventionEnd {

  /** One French line per open thing, e.g. « Prêt n° 12 : INV-004 (Casque de réalité virtuelle), du 3 au 9 mars 2027 ». */
  List<String> openWorkOf(long organisationId);

  /** Every line of every capability. */
  static List<String> all(List<OpenWorkAtConventionEnd> sources, long organisationId) {
    return sources.stream().flatMap(source -> source.openWorkOf(organisationId).stream()).toList();
  }
}
