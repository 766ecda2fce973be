package fr.manche.tna.communication;

import fr.manche.tna.platform.Appreciation;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The report of a joint communication operation (R22), filed by the member after the diffusion of an operation the
 * referent agreed (R21): what was done, the people reached and the number of publications or diffusions, the partners
 * involved, the audience's appreciation and comments. {@code subject} and {@code diffusedOn} are the request's.
 */
public record JointReport(
    long id,
    long communicationRequestId,
    long organisationId,
    String subject,
    LocalDate diffusedOn,
    String filedBy,
    OffsetDateTime filedAt,
    String whatWasDone,
    int peopleReached,
    int diffusions,
    String partners,
    Appreciation appreciation,
    String comments) {}
