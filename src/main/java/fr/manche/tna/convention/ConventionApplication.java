package fr.manche.tna.convention;

/**
 * What an application for a convention says, as submitted (strings, checked by the service). The member's
 * signatory is the person who will sign the convention for the organisation (the mayor, the president...).
 */
public record ConventionApplication(
    String organisationName,
    String legalForm,
    String siret,
    String address,
    String venueDescription,
    String contactName,
    String contactEmail,
    String memberSignatoryName,
    String memberSignatoryRole,
    String memberSignatoryEmail) {}
