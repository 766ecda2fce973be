package fr.manche.tna.convention;

import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.Signature;
import fr.manche.tna.signature.SignableDocument;
import fr.manche.tna.signature.Signing;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The convention as a document to sign: its PDF ({@link ConventionDocument}) and its member's signatory. */
@Component
class ConventionSignable implements SignableDocument {

  private final ConventionApplicationService applications;
  private final ConventionLifecycle lifecycle;
  private final IdentityService identityService;

  ConventionSignable(ConventionApplicationService applications, @Lazy ConventionLifecycle lifecycle, IdentityService identityService) {
    this.applications = applications;
    this.lifecycle = lifecycle;
    this.identityService = identityService;
  }

  @Override
  public DocumentType type() {
    return Convention.DOCUMENT_TYPE;
  }

  @Override
  public Signing signing(long conventionId) {
    Convention convention = applications.convention(conventionId);
    Organisation organisation = applications.organisationOf(convention);
    return new Signing(
        organisation.id(),
        organisation.name(),
        (convention.predecessorId() == null ? "Convention de coopération de " : "Renouvellement de la convention de coopération de ")
            + organisation.name(),
        "convention-" + conventionId,
        convention.memberSignatoryName(),
        convention.memberSignatoryRole(),
        convention.memberSignatoryEmail());
  }

  @Override
  public byte[] render(long conventionId, List<Signature> signatures) {
    Convention convention = applications.convention(conventionId);
    Signature member = signatures.stream().filter(s -> s.party() == Party.MEMBRE).findFirst().orElse(null);
    Signature department = signatures.stream().filter(s -> s.party() == Party.DEPARTEMENT).findFirst().orElse(null);
    String renews = null;
    if (convention.predecessorId() != null) {
      Convention predecessor = applications.convention(convention.predecessorId());
      renews = "la convention n° " + predecessor.id() + ", en vigueur jusqu'au " + ParisTime.formatDate(predecessor.lastDay());
    }
    return ConventionDocument.render(
        new ConventionDocument.Content(
            applications.organisationOf(convention),
            convention.memberSignatory(),
            referent(convention),
            member,
            department,
            member != null && department != null ? lifecycle.effectiveDate(convention, signatures) : null,
            renews));
  }

  /**
   * The network referent who accepted the first application, by name. A renewal is accepted by a person of
   * the member (R03), not by the département: its referent is the one of the convention it renews.
   */
  private String referent(Convention convention) {
    String userId = lifecycle.networkReferentId(convention);
    User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? "le référent du réseau des territoires numériques apprenants" : user.getFirstName() + " " + user.getLastName();
  }
}
