package fr.manche.tna.signature.web;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.SignatureService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The PDF of a convention or an amendment ({@code /documents/convention/12}, {@code /documents/avenant/3}): the
 * signed original once both parties have signed, the draft before. Staff read every document; a member's people
 * read their own organisation's documents only; anyone else gets the French error page.
 */
@Controller
class DocumentsController {

  private final SignatureService signatures;
  private final AccountService accounts;

  DocumentsController(SignatureService signatures, AccountService accounts) {
    this.signatures = signatures;
    this.accounts = accounts;
  }

  @GetMapping("/documents/{type}/{id}")
  ResponseEntity<byte[]> document(@PathVariable String type, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return null;
    }
    Optional<DocumentType> known = signatures.documentType(type);
    if (known.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    DocumentType documentType = known.get();
    Optional<ArchivedDocument> document =
        signatures.archived(documentType, id, ArchivedDocument.SIGNED)
            .or(() -> signatures.archived(documentType, id, ArchivedDocument.DRAFT));
    if (document.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    if (!user.get().isStaff() && !belongsTo(user.get(), signatures.signing(documentType, id).organisationId())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(document.get().fileName()).build().toString())
        .body(document.get().content());
  }

  private boolean belongsTo(CurrentUser user, long organisationId) {
    return accounts.personOfUser(user.userId()).filter(Person::active).map(person -> person.organisationId() == organisationId).orElse(false);
  }
}
