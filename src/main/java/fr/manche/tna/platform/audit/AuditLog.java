package fr.manche.tna.platform.audit;

import fr.manche.tna.platform.time.ParisTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who did what and when on every business decision (admission, approval, refusal, inspection, signature,
 * accounts). Written in the transaction of the decision itself, so that a decision never stands without
 * its entry; read by staff at {@code /audit}.
 */
@Service
public class AuditLog {

  /** One recorded decision. */
  public record Entry(
      OffsetDateTime occurredAt, String actor, String action, String subject, Long organisationId, String details) {}

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param actor login of the person who decided ("systeme" for the application itself)
   * @param action what was decided, in French, e.g. "Demande de convention acceptée"
   * @param subject what it was about, e.g. "Convention 12 — Commune de Percy"
   */
  public void record(String actor, String action, String subject, Long organisationId, String details) {
    jdbc.sql(
            """
            insert into audit_entry (occurred_at, actor, action, subject, organisation_id, details)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(ParisTime.now().toOffsetDateTime(), actor == null ? "systeme" : actor, action, subject, organisationId, details)
        .update();
  }

  /**
   * The latest entries, newest first (in the order they were written: the id, which the primary key indexes and
   * which a clock moved in a test does not reorder), optionally for one organisation.
   */
  public List<Entry> latest(Long organisationId, int limit) {
    String where = organisationId == null ? "" : " where organisation_id = :organisation";
    JdbcClient.StatementSpec statement =
        jdbc.sql("select * from audit_entry" + where + " order by id desc limit :limit")
            .param("limit", limit);
    if (organisationId != null) {
      statement = statement.param("organisation", organisationId);
    }
    return statement
        .query(
            (rs, row) ->
                new Entry(
                    rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("subject"),
                    (Long) rs.getObject("organisation_id", Long.class),
                    rs.getString("details")))
        .list();
  }
}
