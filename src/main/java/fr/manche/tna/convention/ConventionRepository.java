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

  long insertApplication(long organisationId, String processInstanceId, OffsetDateTime appliedAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into convention (organisation_id, status, process_instance_id, applied_at)
            values (?, ?, ?, ?)
            """)
        .params(organisationId, ConventionStatus.EN_EXAMEN.name(), processInstanceId, appliedAt)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean hasApplicationUnderReview(long organisationId) {
    return jdbc.sql("select count(*) from convention where organisation_id = ? and status in (?, ?)")
            .params(organisationId, ConventionStatus.EN_EXAMEN.name(), ConventionStatus.A_COMPLETER.name())
            .query(Integer.class)
            .single()
        > 0;
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
            select c.id, o.id as organisation_id, o.name, c.status, c.applied_at, c.decided_at, c.welcome_meeting_at
              from convention c join organisation o on o.id = c.organisation_id
             order by c.applied_at desc, c.id desc
            """)
        .query(
            (rs, row) ->
                new ConventionSummary(
                    rs.getLong("id"),
                    rs.getLong("organisation_id"),
                    rs.getString("name"),
                    ConventionStatus.valueOf(rs.getString("status")),
                    rs.getObject("applied_at", OffsetDateTime.class),
                    rs.getObject("decided_at", OffsetDateTime.class),
                    rs.getObject("welcome_meeting_at", OffsetDateTime.class)))
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
        rs.getObject("welcome_meeting_at", OffsetDateTime.class));
  }
}
