package fr.manche.tna.convention;

/** What an application for a convention says, as submitted (strings, checked by the service). */
public record ConventionApplication(
    String organisationName,
    String legalForm,
    String siret,
    String address,
    String venueDescription,
    String contactName,
    String contactEmail) {}
