package fr.manche.tna.communication;

import fr.manche.tna.membership.OrganisationAccess;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R21: promoting the cooperation needs the other party's prior agreement; the member describes content,
 * media and partners, and the network referent agrees, asks for changes or refuses.
 */
@Service
public class CommunicationRequestService {

  /** What the member's form says (strings, checked here). */
  public record Submission(String subject, String content, String media, String partners, String plannedOn) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final OrganisationAccess access;

  CommunicationRequestService(JdbcClient jdbc, AuditLog audit, OrganisationAccess access) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.access = access;
  }

  /** Records a new request. @return its id */
  @Transactional
  public long register(long organisationId, String processInstanceId, String requestedBy, Submission submission) {
    Checked checked = check(submission);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into communication_request (organisation_id, process_instance_id, requested_by, subject, content,
                                               media, partners, planned_on, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, processInstanceId, requestedBy, checked.subject, checked.content, checked.media,
            checked.partners, checked.plannedOn, CommunicationDecision.EN_EXAMEN.name(), ParisTime.now().toOffsetDateTime())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The member's amended request goes back to review. */
  @Transactional
  /** The member's amended request; {@code actor} must be a person of the request's organisation (or staff). */
  public void amend(long requestId, String actor, Submission submission) {
    access.check(actor, find(requestId).organisationId());
    Checked checked = check(submission);
    jdbc.sql(
            """
            update communication_request set subject = ?, content = ?, media = ?, partners = ?, planned_on = ?, status = ?
             where id = ?
            """)
        .params(checked.subject, checked.content, checked.media, checked.partners, checked.plannedOn,
            CommunicationDecision.EN_EXAMEN.name(), requestId)
        .update();
  }

  /** Records the referent's answer, with who and when, in the audit trail too. */
  @Transactional
  public void decide(long requestId, CommunicationDecision decision, String comment, String referent) {
    OffsetDateTime now = ParisTime.now().toOffsetDateTime();
    jdbc.sql("update communication_request set status = ?, decision_comment = ?, decided_by = ?, decided_at = ? where id = ?")
        .params(decision.name(), Inputs.optional(comment, "Message à la structure", 2000), referent, now, requestId)
        .update();
    CommunicationRequest request = find(requestId);
    audit.record(referent, "Demande de communication " + decision.label(), "Communication « " + request.subject() + " »",
        request.organisationId(), Inputs.optional(comment));
  }

  public CommunicationRequest find(long requestId) {
    return jdbc.sql("select * from communication_request where id = ?").param(requestId).query(CommunicationRequestService::map).single();
  }

  /** The request of that id, or empty when there is none (an id a form or a caller made up). */
  public Optional<CommunicationRequest> findIfAny(long requestId) {
    return jdbc.sql("select * from communication_request where id = ?").param(requestId).query(CommunicationRequestService::map).optional();
  }

  private record Checked(String subject, String content, String media, String partners, LocalDate plannedOn) {}

  private static Checked check(Submission submission) {
    String subject = Inputs.required(submission.subject(), "Objet de l'opération", 200);
    String content = Inputs.required(submission.content(), "Contenu prévu", 4000);
    String media = Inputs.required(submission.media(), "Supports", 1000);
    LocalDate plannedOn = ParisTime.parseDate(submission.plannedOn(), "Date de diffusion prévue");
    if (!plannedOn.isAfter(ParisTime.today())) {
      throw new InvalidInputException(
          "La diffusion doit être prévue après aujourd'hui : l'accord du Département est préalable (article 6).");
    }
    return new Checked(subject, content, media, Inputs.optional(submission.partners(), "Partenaires associés", 1000), plannedOn);
  }

  private static CommunicationRequest map(ResultSet rs, int row) throws SQLException {
    return new CommunicationRequest(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("process_instance_id"),
        rs.getString("requested_by"),
        rs.getString("subject"),
        rs.getString("content"),
        rs.getString("media"),
        rs.getString("partners"),
        rs.getObject("planned_on", LocalDate.class),
        CommunicationDecision.valueOf(rs.getString("status")),
        rs.getString("decision_comment"),
        rs.getString("decided_by"));
  }
}
