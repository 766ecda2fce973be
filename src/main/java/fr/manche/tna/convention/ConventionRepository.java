package fr.manche.tna.convention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ConventionRepository {

  private final JdbcClient jdbc;

  ConventionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The member's signatory as named in the application or the renewal. */
  record Signatory(String name, String role, String email) {}

  long insertApplication(long organisationId, String processInstanceId, OffsetDateTime appliedAt, Signatory signatory) {
    return insert(organisationId, ConventionStatus.EN_EXAMEN, processInstanceId, appliedAt, signatory, null);
  }

  /** R03: the convention that renews another, accepted by the member and awaiting signatures. */
  long insertRenewal(long organisationId, long predecessorId, OffsetDateTime acceptedAt, String acceptedBy, Signatory signatory) {
    long id = insert(organisationId, ConventionStatus.ACCEPTEE, null, acceptedAt, signatory, predecessorId);
    jdbc.sql("update convention set decided_at = ?, decided_by = ? where id = ?").params(acceptedAt, acceptedBy, id).update();
    return id;
  }

  private long insert(
      long organisationId, ConventionStatus status, String processInstanceId, OffsetDateTime appliedAt, Signatory signatory, Long predecessorId) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into convention (organisation_id, status, process_instance_id, applied_at,
                                    member_signatory_name, member_signatory_role, member_signatory_email, predecessor_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, status.name(), processInstanceId, appliedAt,
            signatory.name(), signatory.role(), signatory.email(), predecessorId)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void setProcessInstance(long conventionId, String processInstanceId) {
    jdbc.sql("update convention set process_instance_id = ? where id = ?").params(processInstanceId, conventionId).update();
  }

  void updateSignatory(long conventionId, Signatory signatory) {
    jdbc.sql("update convention set member_signatory_name = ?, member_signatory_role = ?, member_signatory_email = ? where id = ?")
        .params(signatory.name(), signatory.role(), signatory.email(), conventionId)
        .update();
  }

  /**
   * An application under review or accepted, or a signed convention not yet over: the organisation cannot
   * apply again meanwhile.
   */
  Optional<Convention> openConventionOf(long organisationId, java.time.LocalDate today) {
    return jdbc.sql(
            """
            select * from convention
             where organisation_id = ?
               and (status in ('EN_EXAMEN', 'A_COMPLETER', 'ACCEPTEE') or (status = 'SIGNEE' and last_day >= ?))
             order by id
            """)
        .params(organisationId, today)
        .query(ConventionRepository::map)
        .list()
        .stream()
        .findFirst();
  }

  /** R02: both signatures are in, the convention is in force over these days. */
  void putInForce(long conventionId, java.time.LocalDate effectiveDate, java.time.LocalDate lastDay) {
    int updated =
        jdbc.sql("update convention set status = 'SIGNEE', effective_date = ?, last_day = ? where id = ? and status = 'ACCEPTEE'")
            .params(effectiveDate, lastDay, conventionId)
            .update();
    if (updated != 1) {
      throw new IllegalStateException("Convention " + conventionId + " is not awaiting signatures");
    }
  }

  /** A party refused to sign: the accepted convention will never take effect. */
  void notSigned(long conventionId, java.time.LocalDate on) {
    int updated =
        jdbc.sql("update convention set status = 'NON_SIGNEE', ended_on = ? where id = ? and status = 'ACCEPTEE'")
            .params(on, conventionId)
            .update();
    if (updated != 1) {
      throw new IllegalStateException("Convention " + conventionId + " is not awaiting signatures");
    }
  }

  /** R02: the last day has passed. Returns false when the convention had already ended (terminated). */
  boolean reachEnd(long conventionId) {
    return jdbc.sql("update convention set status = 'ARRIVEE_A_TERME', ended_on = last_day where id = ? and status = 'SIGNEE'")
            .param(conventionId)
            .update()
        == 1;
  }

  /** R07: terminated wholly (status RESILIEE) or partly (still signed, no more loans). */
  void terminate(long conventionId, TerminationScope scope, java.time.LocalDate on) {
    int updated =
        jdbc.sql(
                """
                update convention set status = ?, termination_scope = ?, ended_on = ?
                 where id = ? and status = 'SIGNEE' and termination_scope is null
                """)
            .params(scope == TerminationScope.TOTALE ? ConventionStatus.RESILIEE.name() : ConventionStatus.SIGNEE.name(),
                scope.name(), scope == TerminationScope.TOTALE ? on : null, conventionId)
            .update();
    if (updated != 1) {
      throw new IllegalStateException("Convention " + conventionId + " cannot be terminated");
    }
  }

  /** The organisation's conventions, most recent first. */
  /** The signed conventions whose dates cover the day (terminated or not: the caller checks). */
  java.util.List<Convention> signedCovering(java.time.LocalDate day) {
    return jdbc.sql("select * from convention where status = 'SIGNEE' and effective_date <= ? and last_day >= ?"
            + " order by organisation_id")
        .params(day, day)
        .query(ConventionRepository::map)
        .list();
  }

  java.util.List<Convention> ofOrganisation(long organisationId) {
    return jdbc.sql("select * from convention where organisation_id = ? order by id desc")
        .param(organisationId)
        .query(ConventionRepository::map)
        .list();
  }

  /** The convention that renews this one, if any. */
  Optional<Convention> successorOf(long conventionId) {
    return jdbc.sql("select * from convention where predecessor_id = ? order by id desc")
        .param(conventionId)
        .query(ConventionRepository::map)
        .list()
        .stream()
        .findFirst();
  }

  void recordDecision(
      long conventionId,
      ConventionStatus status,
      OffsetDateTime decidedAt,
      String decidedBy,
      String reason,
      OffsetDateTime welcomeMeetingAt) {
    int updated =
        jdbc.sql(
                """
                update convention
                   set status = ?, decided_at = ?, decided_by = ?, decision_reason = ?, welcome_meeting_at = ?
                 where id = ? and status = ?
                """)
            .params(
                status.name(),
                decidedAt,
                decidedBy,
                reason,
                welcomeMeetingAt,
                conventionId,
                ConventionStatus.EN_EXAMEN.name())
            .update();
    if (updated != 1) {
      throw new IllegalStateException("Convention " + conventionId + " is not under review");
    }
  }

  void backToReview(long conventionId) {
    int updated =
        jdbc.sql("update convention set status = ? where id = ? and status = ?")
            .params(ConventionStatus.EN_EXAMEN.name(), conventionId, ConventionStatus.A_COMPLETER.name())
            .update();
    if (updated != 1) {
      throw new IllegalStateException("Convention " + conventionId + " is not waiting for more information");
    }
  }

  /** Every convention with its organisation's name, most recent application first. */
  java.util.List<ConventionSummary> summaries() {
    return jdbc.sql(
            """
            select c.*, o.name as organisation_name
              from convention c join organisation o on o.id = c.organisation_id
             order by c.applied_at desc, c.id desc
            """)
        .query((rs, row) -> new ConventionSummary(map(rs, row), rs.getString("organisation_name")))
        .list();
  }

  Optional<Convention> findById(long id) {
    return jdbc.sql("select * from convention where id = ?").param(id).query(ConventionRepository::map).optional();
  }

  private static Convention map(ResultSet rs, int row) throws SQLException {
    return new Convention(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        ConventionStatus.valueOf(rs.getString("status")),
        rs.getString("process_instance_id"),
        rs.getObject("applied_at", OffsetDateTime.class),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decided_by"),
        rs.getString("decision_reason"),
        rs.getObject("welcome_meeting_at", OffsetDateTime.class),
        rs.getString("member_signatory_name"),
        rs.getString("member_signatory_role"),
        rs.getString("member_signatory_email"),
        rs.getObject("predecessor_id", Long.class),
        rs.getObject("effective_date", java.time.LocalDate.class),
        rs.getObject("last_day", java.time.LocalDate.class),
        rs.getObject("ended_on", java.time.LocalDate.class),
        rs.getString("termination_scope") == null ? null : TerminationScope.valueOf(rs.getString("termination_scope")));
  }
}
