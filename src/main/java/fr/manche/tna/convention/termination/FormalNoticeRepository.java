package fr.manche.tna.convention.termination;

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

/** The table {@code formal_notice} (V4): one row per formal notice (R07). */
@Repository
class FormalNoticeRepository {

  private final JdbcClient jdbc;

  FormalNoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the convention's row until the transaction ends, so that two notices recorded at the same time for
   * one convention are checked one after the other.
   */
  void lockConvention(long conventionId) {
    jdbc.sql("select id from convention where id = ? for update").param(conventionId).query(Long.class).single();
  }

  long insert(long conventionId, String processInstanceId, String failure, String letterReference, LocalDate sentOn,
      String recordedBy, OffsetDateTime recordedAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into formal_notice (convention_id, process_instance_id, status, failure, letter_reference, sent_on,
                                       recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(conventionId, processInstanceId, FormalNoticeStatus.ENVOYEE.name(), failure, letterReference, sentOn,
            recordedBy, recordedAt)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** @return false when the notice was not awaiting its acknowledgement */
  boolean acknowledge(long noticeId, LocalDate acknowledgedOn) {
    return jdbc.sql("update formal_notice set status = ?, acknowledged_on = ? where id = ? and status = ?")
            .params(FormalNoticeStatus.ACCUSEE.name(), acknowledgedOn, noticeId, FormalNoticeStatus.ENVOYEE.name())
            .update()
        == 1;
  }

  /** @return false when the notice was already closed */
  boolean close(long noticeId, FormalNoticeStatus outcome, String decidedBy, OffsetDateTime decidedAt, String decision,
      String terminatedParts) {
    return jdbc.sql(
                """
                update formal_notice set status = ?, decided_by = ?, decided_at = ?, decision = ?, terminated_parts = ?
                 where id = ? and status in ('ENVOYEE', 'ACCUSEE')
                """)
            .params(outcome.name(), decidedBy, decidedAt, decision, terminatedParts, noticeId)
            .update()
        == 1;
  }

  Optional<FormalNotice> findById(long noticeId) {
    return jdbc.sql("select * from formal_notice where id = ?").param(noticeId).query(FormalNoticeRepository::map).optional();
  }

  /** The convention's notices, most recent first. */
  List<FormalNotice> ofConvention(long conventionId) {
    return jdbc.sql("select * from formal_notice where convention_id = ? order by sent_on desc, id desc")
        .param(conventionId)
        .query(FormalNoticeRepository::map)
        .list();
  }

  /** Every open notice (sent or acknowledged), oldest first. */
  List<FormalNotice> open() {
    return jdbc.sql("select * from formal_notice where status in ('ENVOYEE', 'ACCUSEE') order by sent_on, id")
        .query(FormalNoticeRepository::map)
        .list();
  }

  private static FormalNotice map(ResultSet rs, int row) throws SQLException {
    return new FormalNotice(
        rs.getLong("id"),
        rs.getLong("convention_id"),
        rs.getString("process_instance_id"),
        FormalNoticeStatus.valueOf(rs.getString("status")),
        rs.getString("failure"),
        rs.getString("letter_reference"),
        rs.getObject("sent_on", LocalDate.class),
        rs.getObject("acknowledged_on", LocalDate.class),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decision"),
        rs.getString("terminated_parts"));
  }
}
