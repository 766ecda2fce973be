package fr.manche.tna.convention.renewal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code renewal} (V4). */
@Repository
class RenewalRepository {

  private final JdbcClient jdbc;

  RenewalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertProposal(long conventionId, String processInstanceId, String proposedBy, OffsetDateTime proposedAt, String message) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into renewal (convention_id, process_instance_id, status, proposed_by, proposed_at, message)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(conventionId, processInstanceId, RenewalStatus.PROPOSEE.name(), proposedBy, proposedAt, message)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Records the member's answer or the expiry; only an open proposal changes. */
  void close(long renewalId, RenewalStatus status, String answeredBy, OffsetDateTime answeredAt, String declineReason, Long successorId) {
    int updated =
        jdbc.sql(
                """
                update renewal set status = ?, answered_by = ?, answered_at = ?, decline_reason = ?, successor_id = ?
                 where id = ? and status = ?
                """)
            .params(status.name(), answeredBy, answeredAt, declineReason, successorId, renewalId, RenewalStatus.PROPOSEE.name())
            .update();
    if (updated != 1) {
      throw new IllegalStateException("Renewal " + renewalId + " is not open");
    }
  }

  Optional<Renewal> findById(long id) {
    return jdbc.sql("select * from renewal where id = ?").param(id).query(RenewalRepository::map).optional();
  }

  /** The renewals of a convention, most recent first. */
  List<Renewal> ofConvention(long conventionId) {
    return jdbc.sql("select * from renewal where convention_id = ? order by id desc")
        .param(conventionId)
        .query(RenewalRepository::map)
        .list();
  }

  private static Renewal map(ResultSet rs, int row) throws SQLException {
    return new Renewal(
        rs.getLong("id"),
        rs.getLong("convention_id"),
        rs.getObject("successor_id", Long.class),
        rs.getString("process_instance_id"),
        RenewalStatus.valueOf(rs.getString("status")),
        rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class),
        rs.getString("message"),
        rs.getString("answered_by"),
        rs.getObject("answered_at", OffsetDateTime.class),
        rs.getString("decline_reason"));
  }
}
