package fr.manche.tna.communication;

import java.time.LocalDate;

/** R21: a member's request to promote the cooperation, and the referent's answer. */
public record CommunicationRequest(
    long id,
    long organisationId,
    String processInstanceId,
    String requestedBy,
    String subject,
    String content,
    String media,
    String partners,
    LocalDate plannedOn,
    CommunicationDecision status,
    String decisionComment,
    String decidedBy) {}
