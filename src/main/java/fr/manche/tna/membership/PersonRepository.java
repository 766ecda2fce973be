package fr.manche.tna.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Person person, OffsetDateTime createdAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into person (organisation_id, first_name, last_name, email, role, user_id, active, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            person.organisationId(),
            person.firstName(),
            person.lastName(),
            person.email(),
            person.role().name(),
            person.userId(),
            person.active(),
            createdAt)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Person> findById(long id) {
    return jdbc.sql("select * from person where id = ?").param(id).query(PersonRepository::map).optional();
  }

  Optional<Person> findByEmail(String email) {
    return jdbc.sql("select * from person where lower(email) = lower(?)").param(email).query(PersonRepository::map).optional();
  }

  Optional<Person> findByUserId(String userId) {
    return jdbc.sql("select * from person where user_id = ?").param(userId).query(PersonRepository::map).optional();
  }

  List<Person> findByOrganisation(long organisationId) {
    return jdbc.sql("select * from person where organisation_id = ? order by last_name, first_name")
        .param(organisationId)
        .query(PersonRepository::map)
        .list();
  }

  void deactivate(long personId) {
    jdbc.sql("update person set active = false where id = ?").param(personId).update();
  }

  private static Person map(ResultSet rs, int row) throws SQLException {
    return new Person(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        PersonRole.valueOf(rs.getString("role")),
        rs.getString("user_id"),
        rs.getBoolean("active"));
  }
}
