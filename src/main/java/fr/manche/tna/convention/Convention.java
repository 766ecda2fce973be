package fr.manche.tna.convention;

import java.time.OffsetDateTime;

/** A convention between the département and one organisation, from its application on. */
public record Convention(
    long id,
    long organisationId,
    ConventionStatus status,
    String processInstanceId,
    OffsetDateTime appliedAt,
    OffsetDateTime decidedAt,
    String decidedBy,
    String decisionReason,
    OffsetDateTime welcomeMeetingAt) {}
