package fr.manche.tna.membership;

/** A member organisation of the network, or one applying to become one. */
public record Organisation(
    Long id,
    String name,
    LegalForm legalForm,
    String siret,
    String address,
    String venueDescription,
    String contactName,
    String contactEmail,
    String memberGroupId) {

  /**
   * The organisation's tenant in the engine, also the id of its people's group ({@code membre-<id>} unless
   * named otherwise): every process instance about the organisation belongs to it (README, "Isolation").
   */
  public String tenantId() {
    return memberGroupId != null ? memberGroupId : "membre-" + id;
  }
}
