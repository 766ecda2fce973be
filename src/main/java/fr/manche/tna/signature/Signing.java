package fr.manche.tna.signature;

/**
 * What a document to sign is and who signs it for the member.
 *
 * @param title e.g. "Convention de coopération de la Commune de Périers"
 * @param fileName the PDF's name without extension, e.g. "convention-12"
 */
public record Signing(
    long organisationId,
    String organisationName,
    String title,
    String fileName,
    String memberSignatoryName,
    String memberSignatoryRole,
    String memberSignatoryEmail) {}
