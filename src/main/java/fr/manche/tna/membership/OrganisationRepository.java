package fr.manche.tna.membership;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationRepository {

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the organisation and returns its id. */
  public long insert(Organisation organisation, OffsetDateTime createdAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into organisation (name, legal_form, siret, address, venue_description,
                                      contact_name, contact_email, member_group_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisation.name(),
            organisation.legalForm().name(),
            organisation.siret(),
            organisation.address(),
            organisation.venueDescription(),
            organisation.contactName(),
            organisation.contactEmail(),
            organisation.memberGroupId(),
            createdAt)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Updates what an application says of the organisation (not its group). */
  public void update(Organisation organisation) {
    jdbc.sql(
            """
            update organisation set name = ?, legal_form = ?, siret = ?, address = ?, venue_description = ?,
                                    contact_name = ?, contact_email = ? where id = ?
            """)
        .params(organisation.name(), organisation.legalForm().name(), organisation.siret(), organisation.address(),
            organisation.venueDescription(), organisation.contactName(), organisation.contactEmail(), organisation.id())
        .update();
  }

  public Optional<Organisation> findById(long id) {
    return jdbc.sql("select * from organisation where id = ?").param(id).query(this::map).optional();
  }

  public Optional<Organisation> findBySiret(String siret) {
    return jdbc.sql("select * from organisation where siret = ?").param(siret).query(this::map).optional();
  }

  /** R14: the borrower insures the equipment; its certificate is recorded here. */
  public void setInsurance(long organisationId, Insurance insurance) {
    jdbc.sql(
            """
            update organisation set insurer = ?, insurance_policy_number = ?, insurance_valid_from = ?,
                                    insurance_valid_until = ? where id = ?
            """)
        .params(insurance.insurer(), insurance.policyNumber(), insurance.validFrom(), insurance.validUntil(), organisationId)
        .update();
  }

  public Optional<Insurance> insuranceOf(long organisationId) {
    return jdbc.sql("select insurer, insurance_policy_number, insurance_valid_from, insurance_valid_until from organisation where id = ? and insurer is not null")
        .param(organisationId)
        .query((rs, row) -> new Insurance(rs.getString(1), rs.getString(2),
            rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class)))
        .optional();
  }

  public String statusOf(long organisationId) {
    return jdbc.sql("select status from organisation where id = ?").param(organisationId).query(String.class).single();
  }

  public void setStatus(long organisationId, String status) {
    jdbc.sql("update organisation set status = ? where id = ?").params(status, organisationId).update();
  }

  void setMemberGroup(long organisationId, String groupId) {
    jdbc.sql("update organisation set member_group_id = ? where id = ?").params(groupId, organisationId).update();
  }

  public java.util.List<Organisation> findAll() {
    return jdbc.sql("select * from organisation order by name").query(this::map).list();
  }

  private Organisation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Organisation(
        rs.getLong("id"),
        rs.getString("name"),
        LegalForm.valueOf(rs.getString("legal_form")),
        rs.getString("siret"),
        rs.getString("address"),
        rs.getString("venue_description"),
        rs.getString("contact_name"),
        rs.getString("contact_email"),
        rs.getString("member_group_id"));
  }
}
