package fr.manche.tna.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.platform.forms.FormField.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog holds every form of the repository's {@code forms/} folder, read from the classpath. */
class FormCatalogTest {

  private final FormCatalog catalog = new FormCatalog();

  @Test
  void everyFormOfTheRepositoryIsInTheCatalogUnderItsFileName() throws IOException {
    List<String> files;
    try (Stream<Path> paths = Files.walk(Path.of("forms"))) {
      files = paths.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".form"))
          .map(name -> name.substring(0, name.length() - ".form".length())).toList();
    }

    assertThat(files).isNotEmpty();
    assertThat(catalog.all()).extracting(FormSchema::id).containsExactlyInAnyOrderElementsOf(files);
    files.forEach(id -> assertThat(catalog.find(id)).as(id).get().extracting(FormSchema::id).isEqualTo(id));
  }

  @Test
  void anUnknownFormIsNotFound() {
    assertThat(catalog.find("ConventionApplicationStart")).isPresent();
    assertThat(catalog.find("Inconnu")).isEmpty();
    assertThat(catalog.find(null)).isEmpty();
  }

  @Test
  void aFormDeclaresItsKeyedFieldsWithWhatTheyRequire() {
    FormSchema start = catalog.find("ConventionApplicationStart").orElseThrow();

    assertThat(start.fields()).extracting(FormField::key).containsExactly("organisationName", "legalForm", "siret",
        "address", "venueDescription", "contactName", "contactEmail", "memberSignatoryName", "memberSignatoryRole",
        "memberSignatoryEmail");
    FormField siret = start.field("siret").orElseThrow();
    assertThat(siret.label()).isEqualTo("Numéro SIRET");
    assertThat(siret.type()).isEqualTo(Type.TEXTFIELD);
    assertThat(siret.required()).isTrue();
    assertThat(siret.writable()).isTrue();
    assertThat(siret.pattern()).contains("^\\s*(\\d\\s*){14}$");
    assertThat(siret.description()).contains("14 chiffres, par exemple 215 050 193 00014");
    assertThat(siret.lengthLimit()).isEqualTo(FormField.DEFAULT_TEXTFIELD_MAX_LENGTH);
    assertThat(start.field("legalForm").orElseThrow().values())
        .containsExactly("COLLECTIVITE_TERRITORIALE", "EPCI", "ASSOCIATION", "AUTRE");
    assertThat(start.field("contactEmail").orElseThrow().validationType()).contains("email");
    assertThat(start.field("address").orElseThrow().maxLength()).hasValue(500);
    assertThat(start.field("venueDescription").orElseThrow().required()).isFalse();
  }

  @Test
  void readonlyAndConditionalFieldsAreTold() {
    FormSchema review = catalog.find("ConventionApplicationReview").orElseThrow();
    assertThat(review.field("siret").orElseThrow().readonly()).isTrue();
    assertThat(review.field("siret").orElseThrow().writable()).isFalse();

    FormSchema sign = catalog.find("DocumentSignatureSign").orElseThrow();
    assertThat(sign.field("signatureConfirmed").orElseThrow().conditional()).isTrue();
    assertThat(sign.field("signatureConfirmed").orElseThrow().type()).isEqualTo(Type.CHECKBOX);
    assertThat(sign.field("signerName").orElseThrow().conditional()).isFalse();
  }
}
