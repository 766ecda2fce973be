package fr.manche.tna.convention.amendment;

import fr.manche.tna.signature.Party;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code amendment} (V4). */
@Repository
class AmendmentRepository {

  private final JdbcClient jdbc;

  AmendmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long conventionId, String processInstanceId, AmendmentStatus status, Party party, String requestedBy,
      LocalDate receivedOn, String object, String content, LocalDate namedEffectiveDate, String decisionReason) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into amendment (convention_id, process_instance_id, status, requested_by_party, requested_by,
                                   received_on, object, content, named_effective_date, decision_reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(conventionId, processInstanceId, status.name(), party.name(), requestedBy, receivedOn, object, content,
            namedEffectiveDate, decisionReason)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Numbers the amendment, in order within its convention: the convention's row is locked meanwhile, so that
   * two acceptances at once get 1 and 2 (the unique key (convention_id, number) guards it anyway).
   */
  int accept(long amendmentId, long conventionId, LocalDate namedEffectiveDate, String decidedBy, OffsetDateTime decidedAt, String reason) {
    jdbc.sql("select id from convention where id = ? for update").param(conventionId).query(Long.class).single();
    int number =
        jdbc.sql("select coalesce(max(number), 0) + 1 from amendment where convention_id = ?")
            .param(conventionId)
            .query(Integer.class)
            .single();
    int updated =
        jdbc.sql(
                """
                update amendment set status = 'ACCEPTEE', number = ?, named_effective_date = ?, decided_by = ?,
                                     decided_at = ?, decision_reason = ?
                 where id = ? and status = 'EN_EXAMEN'
                """)
            .params(number, namedEffectiveDate, decidedBy, decidedAt, reason, amendmentId)
            .update();
    requireOne(updated, amendmentId, "under review");
    return number;
  }

  void refuse(long amendmentId, String decidedBy, OffsetDateTime decidedAt, String reason) {
    int updated =
        jdbc.sql(
                """
                update amendment set status = 'REFUSEE', decided_by = ?, decided_at = ?, decision_reason = ?
                 where id = ? and status = 'EN_EXAMEN'
                """)
            .params(decidedBy, decidedAt, reason, amendmentId)
            .update();
    requireOne(updated, amendmentId, "under review");
  }

  void notSigned(long amendmentId) {
    int updated =
        jdbc.sql("update amendment set status = 'NON_SIGNE' where id = ? and status = 'ACCEPTEE'").param(amendmentId).update();
    requireOne(updated, amendmentId, "awaiting signatures");
  }

  void signed(long amendmentId, LocalDate effectiveDate) {
    int updated =
        jdbc.sql("update amendment set status = 'SIGNE', effective_date = ? where id = ? and status = 'ACCEPTEE'")
            .params(effectiveDate, amendmentId)
            .update();
    requireOne(updated, amendmentId, "awaiting signatures");
  }

  Optional<Amendment> findById(long id) {
    return jdbc.sql("select * from amendment where id = ?").param(id).query(AmendmentRepository::map).optional();
  }

  /** The convention's amendments: numbered ones by number, then the others as received. */
  List<Amendment> ofConvention(long conventionId) {
    return jdbc.sql(
            """
            select * from amendment where convention_id = ?
             order by case when number is null then 1 else 0 end, number, received_on, id
            """)
        .param(conventionId)
        .query(AmendmentRepository::map)
        .list();
  }

  private static void requireOne(int updated, long amendmentId, String expected) {
    if (updated != 1) {
      throw new IllegalStateException("Amendment " + amendmentId + " is not " + expected);
    }
  }

  private static Amendment map(ResultSet rs, int row) throws SQLException {
    return new Amendment(
        rs.getLong("id"),
        rs.getLong("convention_id"),
        rs.getString("process_instance_id"),
        rs.getObject("number", Integer.class),
        AmendmentStatus.valueOf(rs.getString("status")),
        Party.valueOf(rs.getString("requested_by_party")),
        rs.getString("requested_by"),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("object"),
        rs.getString("content"),
        rs.getObject("named_effective_date", LocalDate.class),
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decision_reason"),
        rs.getObject("effective_date", LocalDate.class));
  }
}
