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
    String memberGroupId) {}
