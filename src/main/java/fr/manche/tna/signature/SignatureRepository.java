package fr.manche.tna.signature;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignatureRepository {

  private final JdbcClient jdbc;

  SignatureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false when that party had already signed that document */
  boolean insert(DocumentType type, long documentId, Signature signature, OffsetDateTime recordedAt) {
    if (jdbc.sql("select count(*) from signature where document_type = ? and document_id = ? and party = ?")
            .params(type.name(), documentId, signature.party().name())
            .query(Integer.class)
            .single()
        > 0) {
      return false;
    }
    jdbc.sql(
            """
            insert into signature (document_type, document_id, party, signer_user_id, signer_name, signer_role, signed_on, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(type.name(), documentId, signature.party().name(), signature.signerUserId(), signature.signerName(),
            signature.signerRole(), signature.signedOn(), recordedAt)
        .update();
    return true;
  }

  /** The capacity in which that person last signed for that party. */
  Optional<String> lastRoleOf(Party party, String userId) {
    return jdbc.sql("select signer_role from signature where party = ? and signer_user_id = ? order by recorded_at desc, id desc")
        .params(party.name(), userId)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** The name and capacity of the last signature given for that party. */
  Optional<SignatureService.Signatory> lastSignatoryOf(Party party) {
    return jdbc.sql("select signer_name, signer_role from signature where party = ? order by recorded_at desc, id desc")
        .params(party.name())
        .query((rs, row) -> new SignatureService.Signatory(rs.getString("signer_name"), rs.getString("signer_role")))
        .list()
        .stream()
        .findFirst();
  }

  List<Signature> signaturesOf(DocumentType type, long documentId) {
    return jdbc.sql("select * from signature where document_type = ? and document_id = ? order by signed_on, id")
        .params(type.name(), documentId)
        .query((rs, row) -> new Signature(
            Party.valueOf(rs.getString("party")),
            rs.getString("signer_user_id"),
            rs.getString("signer_name"),
            rs.getString("signer_role"),
            rs.getObject("signed_on", LocalDate.class)))
        .list();
  }

  void insertRefusal(DocumentType type, long documentId, SignatureRefusal refusal) {
    jdbc.sql(
            """
            insert into signature_refusal (document_type, document_id, party, signer_user_id, signer_name, reason, refused_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(type.name(), documentId, refusal.party().name(), refusal.signerUserId(), refusal.signerName(), refusal.reason(),
            refusal.refusedAt())
        .update();
  }

  Optional<SignatureRefusal> refusalOf(DocumentType type, long documentId) {
    return jdbc.sql("select * from signature_refusal where document_type = ? and document_id = ? order by id")
        .params(type.name(), documentId)
        .query((rs, row) -> new SignatureRefusal(
            Party.valueOf(rs.getString("party")),
            rs.getString("signer_user_id"),
            rs.getString("signer_name"),
            rs.getString("reason"),
            rs.getObject("refused_at", OffsetDateTime.class)))
        .list()
        .stream()
        .findFirst();
  }

  void archive(ArchivedDocument document, OffsetDateTime createdAt) {
    jdbc.sql("delete from archived_document where document_type = ? and document_id = ? and version = ?")
        .params(document.type().name(), document.documentId(), document.version())
        .update();
    jdbc.sql(
            """
            insert into archived_document (document_type, document_id, version, file_name, content, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(document.type().name(), document.documentId(), document.version(), document.fileName(), document.content(), createdAt)
        .update();
  }

  Optional<ArchivedDocument> find(DocumentType type, long documentId, String version) {
    return jdbc.sql("select * from archived_document where document_type = ? and document_id = ? and version = ?")
        .params(type.name(), documentId, version)
        .query((rs, row) -> new ArchivedDocument(type, documentId, version, rs.getString("file_name"), rs.getBytes("content")))
        .optional();
  }
}
