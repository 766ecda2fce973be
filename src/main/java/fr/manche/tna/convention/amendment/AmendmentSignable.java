package fr.manche.tna.convention.amendment;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.Signature;
import fr.manche.tna.signature.SignableDocument;
import fr.manche.tna.signature.Signing;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * An amendment as a document to sign (R04): its PDF ({@link AmendmentDocument}); the member signs through
 * the convention's own signatory.
 */
@Component
class AmendmentSignable implements SignableDocument {

  private final AmendmentRepository amendments;
  private final ConventionLifecycle lifecycle;

  // Lazy: the lifecycle needs the signature service, which needs every signable document.
  AmendmentSignable(AmendmentRepository amendments, @Lazy ConventionLifecycle lifecycle) {
    this.amendments = amendments;
    this.lifecycle = lifecycle;
  }

  @Override
  public DocumentType type() {
    return Amendment.DOCUMENT_TYPE;
  }

  @Override
  public Signing signing(long amendmentId) {
    Amendment amendment = amendment(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Organisation organisation = lifecycle.organisationOf(convention);
    return new Signing(
        organisation.id(),
        organisation.name(),
        AmendmentDocument.title(amendment) + " de " + organisation.name(),
        "convention-" + convention.id() + "-avenant-" + amendment.number(),
        convention.memberSignatoryName(),
        convention.memberSignatoryRole(),
        convention.memberSignatoryEmail());
  }

  @Override
  public byte[] render(long amendmentId, List<Signature> signatures) {
    Amendment amendment = amendment(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    return AmendmentDocument.render(new AmendmentDocument.Content(
        amendment,
        convention,
        lifecycle.organisationOf(convention),
        signatures.stream().filter(s -> s.party() == Party.MEMBRE).findFirst().orElse(null),
        signatures.stream().filter(s -> s.party() == Party.DEPARTEMENT).findFirst().orElse(null)));
  }

  private Amendment amendment(long amendmentId) {
    return amendments.findById(amendmentId).orElseThrow(() -> new IllegalArgumentException("No amendment " + amendmentId));
  }
}
