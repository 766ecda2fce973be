package fr.manche.tna.signature;

import java.time.OffsetDateTime;

/** A party's refusal to sign, with its reason: the document is not signed. */
public record SignatureRefusal(Party party, String signerUserId, String signerName, String reason, OffsetDateTime refusedAt) {}
