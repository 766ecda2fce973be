package fr.manche.tna.signature;

import java.time.LocalDate;

/** One party's signature: who signed, in which capacity, on which Paris day. */
public record Signature(Party party, String signerUserId, String signerName, String signerRole, LocalDate signedOn) {}
