package fr.manche.tna.notification;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which notification events were handed to the SMTP server, so that none is sent twice. */
@Repository
class DeliveryLog {

  private final JdbcClient jdbc;

  DeliveryLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean wasSent(String eventKey) {
    return jdbc.sql("select count(*) from notification_delivery where event_key = ?")
            .param(eventKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  void recordSent(String eventKey, Mail mail, MailRenderer.Rendered rendered, String messageId, OffsetDateTime sentAt) {
    jdbc.sql(
            """
            insert into notification_delivery
              (event_key, template, recipients, subject, organisation_name, message_id, sent_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            eventKey,
            mail.template(),
            String.join(", ", mail.recipients()),
            rendered.subject(),
            rendered.organisationName(),
            messageId,
            sentAt)
        .update();
  }
}
