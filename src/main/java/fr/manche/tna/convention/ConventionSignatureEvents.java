package fr.manche.tna.convention;

import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.SignatureService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The convention's own history: its signatures and how it ended. */
@Component
class ConventionSignatureEvents implements ConventionEvents {

  private final SignatureService signatures;

  ConventionSignatureEvents(SignatureService signatures) {
    this.signatures = signatures;
  }

  @Override
  public List<Event> of(Convention convention) {
    List<Event> events = new ArrayList<>();
    signatures.signatures(Convention.DOCUMENT_TYPE, convention.id()).forEach(signature -> events.add(new Event(
        signature.signedOn(),
        "Signée " + signature.party().label() + " par " + signature.signerName() + ", " + signature.signerRole()
            + ", le " + ParisTime.formatDate(signature.signedOn()),
        null,
        false)));
    signatures.refusal(Convention.DOCUMENT_TYPE, convention.id()).ifPresent(refusal -> events.add(new Event(
        refusal.refusedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate(),
        "Signature refusée " + refusal.party().label() + " par " + refusal.signerName() + " le "
            + ParisTime.formatDate(refusal.refusedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate()) + " : " + refusal.reason(),
        null,
        false)));
    if (convention.endedOn() != null && convention.status() != ConventionStatus.NON_SIGNEE) {
      events.add(new Event(convention.endedOn(),
          (convention.status() == ConventionStatus.RESILIEE ? "Résiliée le " : "Arrivée à son terme le ") + ParisTime.formatDate(convention.endedOn()),
          null, false));
    }
    return events;
  }
}
