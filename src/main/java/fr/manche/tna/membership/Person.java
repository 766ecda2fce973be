package fr.manche.tna.membership;

/** A person of a member organisation; {@code userId} is their login once they have an account. */
public record Person(
    Long id,
    long organisationId,
    String firstName,
    String lastName,
    String email,
    PersonRole role,
    String userId,
    boolean active) {

  public String fullName() {
    return firstName + " " + lastName;
  }
}
