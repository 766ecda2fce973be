package fr.manche.tna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.communication.CommunicationDecision;
import fr.manche.tna.communication.CommunicationRequest;
import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.communication.JointReport;
import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.convention.amendment.Amendment;
import fr.manche.tna.convention.amendment.AmendmentStatus;
import fr.manche.tna.convention.renewal.Renewal;
import fr.manche.tna.convention.renewal.RenewalStatus;
import fr.manche.tna.convention.termination.FormalNotice;
import fr.manche.tna.convention.termination.FormalNoticeStatus;
import fr.manche.tna.loan.LoanExtension;
import fr.manche.tna.loan.LoanExtensionStatus;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.PersonRole;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.SignatureRefusal;
import fr.manche.tna.signature.Signing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every mail is a template of {@code templates/mail} that renders, with a sample of its facts, to a subject,
 * an HTML part and a text part in French with nothing left over; and no Java class writes mail prose.
 *
 * <p>A new template needs a sample below (the test fails otherwise): the facts its process gives.
 */
class MailTemplatesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates/mail");
  private static final Set<String> FRAMES = Set.of("layout.html", "layout.txt");

  /** Whole words that are English (or a value printed raw) and never French. */
  private static final Pattern ENGLISH = Pattern.compile(
      "\\b(the|and|of|to|with|for|your|you|please|click|here|task|request|link|null|true|false|Optional)\\b");

  private final MailRenderer renderer = new MailRenderer(links());

  @Test
  void everyTemplateRendersInFrenchWithNothingLeftOver() {
    Map<String, List<Mail>> samples = samples().stream().collect(Collectors.groupingBy(Mail::template, LinkedHashMap::new,
        Collectors.toList()));
    assertThat(samples.keySet()).as("a sample for every template, a template for every sample")
        .containsExactlyInAnyOrderElementsOf(templates());
    samples.values().stream().flatMap(List::stream).forEach(this::check);
  }

  @Test
  void noJavaClassWritesMailProse() throws IOException {
    List<String> found = new ArrayList<>();
    // A string literal of four words or more: a sentence someone reads.
    Pattern sentence = Pattern.compile("\"[^\"\\\\\n]*\\p{L}+ \\p{L}+'?\\p{L}* \\p{L}+ \\p{L}+[^\"\\\\\n]*\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        String name = file.getFileName().toString();
        if (source.contains("Message.of(") || source.contains("new Notification(")) {
          found.add(name + ": builds a mail in Java (use Mail.of and a template)");
        }
        boolean notificationPackage = file.startsWith(Path.of("src/main/java/fr/manche/tna/notification"));
        if (!notificationPackage && source.contains("NotificationService")) {
          found.add(name + ": sends through NotificationService (use ProcessMails)");
        }
        if (source.contains("Mail.of(") && !notificationPackage) {
          Matcher literals = sentence.matcher(source.replaceAll("(?m)^\\s*(\\*|//).*$", ""));
          while (literals.find()) {
            found.add(name + ": writes mail prose " + literals.group() + " (put it in the template)");
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private void check(Mail mail) {
    MailRenderer.Rendered rendered = renderer.render(mail);
    if (System.getProperty("mails.print") != null) {
      // -Dmails.print: read every sample as people will (mvn ... -Dtest=MailTemplatesTest -Dmails.print)
      System.out.println("==== " + mail.template() + "\nSujet : " + rendered.subject() + "\n\n" + rendered.text());
    }
    String what = mail.template() + " " + mail.facts().keySet();
    assertThat(rendered.subject()).as(what + ": subject").isNotBlank().doesNotContain("\n");
    assertThat(rendered.organisationName()).as(what + ": organisation").isNotBlank();
    assertThat(rendered.topic()).as(what + ": objet").isNotBlank();
    for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
      assertThat(part).as(what)
          .doesNotContain("${").doesNotContain("[[").doesNotContain("]]").doesNotContain("[(").doesNotContainPattern("\\bth:")
          .doesNotContain("« »");
      Matcher english = ENGLISH.matcher(withoutAddresses(part.replaceAll("<[^>]+>", " ")));
      assertThat(english.find()).as(what + ": English or a raw value in " + (english.hitEnd() ? "" : english.group()))
          .isFalse();
    }
    for (String part : List.of(rendered.subject(), rendered.text())) {
      assertThat(part).as(what + ": a missing value").doesNotContain(" .").doesNotContain(" ,").doesNotContain("  ");
    }
    assertThat(rendered.html()).as(what + ": an empty paragraph").doesNotContainPattern("<p[^>]*>\\s*</p>");
    // "Motif :" alone is a missing value; a sentence may end with a colon before the paragraph it announces.
    assertThat(rendered.text()).as(what + ": a label without its value").doesNotContainPattern("(?m)^(\\S+ ){0,3}:$")
        .startsWith("Bonjour").contains("\n\nOrganisation : " + rendered.organisationName() + "\n");
    if (mail.appointment() != null) {
      assertThat(rendered.invitation()).as(what + ": invitation").isNotNull();
      assertThat(rendered.invitation().summary()).isNotBlank();
      assertThat(rendered.invitation().location()).isNotBlank();
    }
  }

  private static String withoutAddresses(String text) {
    return text.replaceAll("(https?|mailto):\\S+", " ").replaceAll("\\S+@\\S+", " ");
  }

  private static Set<String> templates() {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> !FRAMES.contains(name))
          .peek(name -> assertThat(name).as("one .html per mail, no other file").endsWith(".html"))
          .map(name -> name.substring(0, name.length() - ".html".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TasklistLinks links() {
    try {
      Constructor<TasklistLinks> constructor = TasklistLinks.class.getDeclaredConstructor(String.class);
      constructor.setAccessible(true);
      return constructor.newInstance("https://reseau-tna.example.fr");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // Samples: the facts each process gives its templates (see the processes' *Mails classes).

  private static final OffsetDateTime APPLIED = OffsetDateTime.parse("2026-03-01T09:00:00+01:00");
  private static final Organisation ORGANISATION = new Organisation(
      12L, "Commune de Percy-en-Normandie", LegalForm.COLLECTIVITE_TERRITORIALE, "21505019300014",
      "Mairie, 50410 Percy-en-Normandie", "Médiathèque", "Marie Lefèvre", "mairie@percy.example.fr", "membre-12");
  private static final String REFERENT = "Claire Lemoine (claire.lemoine@manche.fr)";

  private static Convention convention(ConventionStatus status, String reason, OffsetDateTime meeting) {
    return new Convention(
        7L, 12L, status, "instance-7", APPLIED, APPLIED.plusDays(3), "referent", reason, meeting,
        "Jean Dupuis", "maire", "maire@percy.example.fr", null,
        LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31), null, null);
  }

  private static List<Mail> samples() {
    List<Mail> samples = new ArrayList<>();
    Convention signed = convention(ConventionStatus.SIGNEE, null, null);

    // Convention application
    samples.add(Mail.of("convention-review-requested").with("convention", convention(ConventionStatus.EN_EXAMEN, null, null))
        .with("organisation", ORGANISATION));
    for (boolean hasAccount : List.of(true, false)) {
      for (boolean signs : List.of(true, false)) {
        OffsetDateTime meeting = hasAccount ? null : OffsetDateTime.parse("2026-03-30T10:15:00+02:00");
        Mail accepted = decision("convention-application-accepted",
            convention(ConventionStatus.ACCEPTEE, hasAccount ? "Bienvenue dans le réseau." : null, meeting), true)
            .with("contactSigns", signs).with("contactHasAccount", hasAccount);
        samples.add(meeting == null ? accepted
            : accepted.appointment("rdv@reseau-tna.manche.fr", meeting.toZonedDateTime(),
                meeting.toZonedDateTime().plusHours(1)));
      }
    }
    for (boolean referentEmail : List.of(true, false)) {
      samples.add(decision("convention-application-refused",
          convention(ConventionStatus.REFUSEE, "Le lieu n'est pas ouvert au public (article 3).", null), referentEmail));
      samples.add(decision("convention-application-changes",
          convention(ConventionStatus.A_COMPLETER, "Précisez les horaires d'ouverture au public.", null), referentEmail));
      samples.add(Mail.of("convention-application-ineligible")
          .with("application", Map.of(
              "organisationName", "SARL Numérique Services", "contactName", "Lucie Girard",
              "ineligibilityReason", "Seules peuvent signer la convention de coopération une collectivité, un EPCI ou une association."))
          .with("referentContact", REFERENT).with("referentEmail", referentEmail ? "claire.lemoine@manche.fr" : null));
    }
    samples.add(Mail.of("account-invitation")
        .with("person", new Person(3L, 12L, "Tom", "Lefranc", "tom@percy.example.fr", PersonRole.ANIMATEUR, "tom.lefranc", true))
        .with("organisation", ORGANISATION).with("validityHours", 72L).with("passwordSecret", "secret"));

    // Communication request
    for (CommunicationDecision status : List.of(CommunicationDecision.ACCORDEE, CommunicationDecision.A_MODIFIER)) {
      CommunicationRequest request = new CommunicationRequest(
          4L, 12L, "instance-4", "julie.hamel", "Fête du numérique", "Une journée d'ateliers", "affiches, site de la commune",
          status == CommunicationDecision.ACCORDEE ? "Médiathèque de Percy" : null, LocalDate.of(2026, 6, 1), status,
          status == CommunicationDecision.ACCORDEE ? null : "Ajoutez le logo du Département.", "referent");
      samples.add(Mail.of("communication-request-submitted").with("request", request).with("organisation", ORGANISATION));
      samples.add(Mail.of("communication-request-answered").with("request", request).with("organisation", ORGANISATION));
    }
    // The joint operation's report (issue 12, item 4, R22): asked the day after the diffusion, reminded, sent to the
    // referent, with and without partners and comments.
    CommunicationRequest agreed = new CommunicationRequest(4, 12, "pi-12", "julie.hamel", "Fête du numérique",
        "Article et affiche", "Bulletin municipal, site de la commune", "Médiathèque de Percy", LocalDate.of(2026, 6, 1),
        CommunicationDecision.ACCORDEE, null, "referent");
    for (String template : List.of("joint-report-requested", "joint-report-reminder")) {
      samples.add(Mail.of(template).with("request", agreed).with("organisation", ORGANISATION)
          .with("dueOn", LocalDate.of(2026, 6, 16)).with("processInstanceId", "pi-13"));
    }
    for (boolean details : List.of(true, false)) {
      JointReport report = new JointReport(5, 4, 12, "Fête du numérique", LocalDate.of(2026, 6, 1), "julie.hamel",
          OffsetDateTime.parse("2026-06-03T10:00:00+02:00"), "Un article d'une page et trois affiches en mairie.", 1200, 4,
          details ? "Médiathèque de Percy" : null, Appreciation.SATISFAIT,
          details ? "Plusieurs habitants sont venus aux ateliers après l'article." : null);
      samples.add(Mail.of("joint-report-filed").with("request", agreed).with("organisation", ORGANISATION)
          .with("report", report));
    }

    // Loan request
    List<LoanRequest.RequestedItem> loanItems = List.of(
        new LoanRequest.RequestedItem(4, "INV-004", "Casque de réalité virtuelle", 12L),
        new LoanRequest.RequestedItem(7, "INV-007", "Drone", 13L));
    LoanRequest approved = loan(42, LocalDate.of(2027, 3, 9), null, loanItems, LoanRequestStatus.APPROUVEE,
        "Bonnes animations !", null);
    samples.add(Mail.of("loan-request-approved").with("organisation", ORGANISATION).with("loan", approved));
    for (LocalDate lastDay : List.of(LocalDate.of(2027, 3, 9), LocalDate.of(2027, 5, 9))) {
      samples.add(Mail.of("loan-request-to-review").with("organisation", ORGANISATION).with("processInstanceId", "pi-3")
          .with("loan", loan(44, lastDay, lastDay.getMonthValue() > 3 ? "Projet sur le trimestre" : null, loanItems,
              LoanRequestStatus.EN_EXAMEN, null, null)));
    }
    LoanRequest refused = loan(43, LocalDate.of(2027, 5, 9), "Projet sur le trimestre", loanItems, LoanRequestStatus.REFUSEE,
        "Le matériel sert à une action du Département en avril.", null);
    samples.add(Mail.of("loan-request-refused").with("organisation", ORGANISATION).with("loan", refused));
    samples.add(Mail.of("loan-preempted").with("organisation", ORGANISATION).with("loan", loan(45, LocalDate.of(2027, 3, 9),
        null, loanItems, LoanRequestStatus.REFUSEE, LoanRequestService.OWN_USE_REASON
            + "Le matériel n° INV-004 est réservé du 5 au 6 mars 2027 (Salon). Ses prochaines périodes libres de 7 jours :"
            + " du 10 au 16 mars 2027.", null)));
    samples.add(Mail.of("loan-proposal").with("organisation", ORGANISATION).with("processInstanceId", "pi-4")
        .with("loan", loan(46, LocalDate.of(2027, 3, 9), null, loanItems, LoanRequestStatus.A_COMPLETER, null,
            "Le drone INV-008 est libre du 12 au 18 mars.")));
    for (List<LoanRequest.RequestedItem> items : List.of(loanItems, List.<LoanRequest.RequestedItem>of())) {
      samples.add(Mail.of("loan-cancelled").with("organisation", ORGANISATION).with("loan",
          loan(47, LocalDate.of(2027, 3, 9), null, items, LoanRequestStatus.ANNULEE, null, null)));
    }
    Stream.of("loan-first-day-reminder", "loan-last-day-reminder", "loan-overdue", "loan-extended")
        .forEach(template -> samples.add(Mail.of(template).with("organisation", ORGANISATION).with("loan", approved)));
    // Handover appointments (issue 11): each kind, booked, moved, reminded, cancelled, missed.
    for (fr.manche.tna.handover.HandoverKind kind : fr.manche.tna.handover.HandoverKind.values()) {
      java.time.ZonedDateTime start = ZonedDateTime.parse("2027-03-28T09:00:00+02:00[Europe/Paris]");
      fr.manche.tna.handover.Booking held = new fr.manche.tna.handover.Booking(9, 42, kind, "pi-9",
          new fr.manche.tna.handover.Slot(start, start.plusMinutes(30)), fr.manche.tna.handover.Booking.BookingStatus.RESERVE,
          1, "julie.hamel", OffsetDateTime.parse("2027-03-01T10:00:00+01:00"), null, null);
      for (String template : List.of("handover-booked", "handover-moved", "handover-reminder", "handover-cancelled",
          "handover-loan-cancelled", "handover-missed")) {
        Mail mail = Mail.of(template).with("organisation", ORGANISATION).with("loan", approved).with("booking", held)
            .with("appointment", held.slot().french()).with("processInstanceId", "pi-9");
        samples.add(template.equals("handover-missed") ? mail
            : mail.appointment(held.calendarUid(), held.sequence(), start, start.plusMinutes(30)));
      }
    }
    // Inspection reports (issue 11): a pickup acknowledged on the spot or to acknowledge, a return with differences.
    for (boolean onSite : new boolean[] {true, false}) {
      for (fr.manche.tna.handover.HandoverKind kind : fr.manche.tna.handover.HandoverKind.values()) {
        fr.manche.tna.handover.Inspection inspection = new fr.manche.tna.handover.Inspection(5, 9, 42, kind, "materiel",
            OffsetDateTime.parse("2027-03-28T09:10:00+02:00"), "Camille Lefèvre", onSite, null, null, null, null,
            List.of(new fr.manche.tna.handover.Inspection.ItemRecord(7, "INV-007", "Drone",
                fr.manche.tna.handover.Condition.BON, List.of(), null)));
        List<fr.manche.tna.handover.Inspections.Difference> differences = kind == fr.manche.tna.handover.HandoverKind.RETOUR
            && !onSite ? List.of(new fr.manche.tna.handover.Inspections.Difference(7, "INV-007 (Drone)",
                "accessoire manquant : Chargeur")) : List.of();
        samples.add(Mail.of("inspection-report").with("organisation", ORGANISATION).with("loan", approved)
            .with("inspection", inspection).with("differences", differences).with("processInstanceId", "pi-10"));
      }
    }
    // Damage cases (issue 11, item 5): reported or found at the return; repaired at the borrower's cost, or retired.
    for (fr.manche.tna.handover.DamageCase.Origin origin : fr.manche.tna.handover.DamageCase.Origin.values()) {
      boolean reported = origin == fr.manche.tna.handover.DamageCase.Origin.SIGNALEMENT;
      fr.manche.tna.handover.DamageCase damage = new fr.manche.tna.handover.DamageCase(3, 42, 7, "INV-007 (Drone)", 1,
          origin, fr.manche.tna.handover.DamageCase.Nature.PANNE, LocalDate.of(2027, 3, 14), "Ne s'allume plus.", false,
          "pi-11", reported ? fr.manche.tna.handover.DamageCase.ItemOutcome.REPARATION
              : fr.manche.tna.handover.DamageCase.ItemOutcome.REFORME, LocalDate.of(2027, 3, 31), reported,
          reported ? new java.math.BigDecimal("89.90") : null, reported ? "MAIF-2027-123" : null,
          "Batterie à remplacer.", "materiel", OffsetDateTime.parse("2027-03-14T10:00:00+01:00"));
      for (String template : List.of("damage-to-assess", "damage-opened", "damage-decided")) {
        samples.add(Mail.of(template).with("organisation", ORGANISATION).with("loan", approved).with("damage", damage)
            .with("processInstanceId", "pi-11"));
      }
    }
    for (String replacement : new String[] {"INV-008", null}) {
      samples.add(Mail.of("loan-item-retired").with("organisation", ORGANISATION).with("loan", approved)
          .with("retired", "INV-007 (Drone)").with("replacement", replacement));
    }
    // The loan's report (issue 11, item 7, R24): asked for once the equipment is back, reminded a week later.
    for (String template : List.of("loan-report-requested", "loan-report-reminder")) {
      samples.add(Mail.of(template).with("organisation", ORGANISATION).with("loan", approved)
          .with("dueOn", LocalDate.of(2027, 4, 16)).with("processInstanceId", "pi-11"));
    }
    // The steering cycle (issue 12): the committee's invitation, agenda and minutes; the year-end review.
    ZonedDateTime meeting = ZonedDateTime.parse("2027-06-15T14:30:00+02:00[Europe/Paris]");
    fr.manche.tna.steering.SteeringCycles.Committee committee = new fr.manche.tna.steering.SteeringCycles.Committee(4, 2027,
        true, meeting, "Maison du Département, Saint-Lô", "Bilan des prêts ; projets de la rentrée.",
        LocalDate.of(2027, 6, 5), "Échanges sur les ateliers seniors.", "Un atelier commun à l'automne.",
        "Médiathèque de Percy\nCommune de Villedieu", "pi-12");
    for (String template : List.of("committee-invitation", "committee-agenda", "committee-minutes")) {
      for (List<fr.manche.tna.steering.SteeringCycles.Proposal> proposals : List.of(
          List.<fr.manche.tna.steering.SteeringCycles.Proposal>of(),
          List.of(new fr.manche.tna.steering.SteeringCycles.Proposal(1, 1, "Médiathèque de Percy", "PRATIQUE",
              "Les ateliers seniors", null)))) {
        Mail mail = Mail.of(template).with("organisation", ORGANISATION).with("committee", committee)
            .with("proposals", proposals);
        samples.add(template.equals("committee-invitation")
            ? mail.appointment("comite-4@reseau-tna.manche.fr", meeting, meeting.plusHours(3)) : mail);
      }
    }
    fr.manche.tna.steering.Reviews.Review review = new fr.manche.tna.steering.Reviews.Review(6, 1, ORGANISATION.name(), 2027,
        java.util.Map.of(), 24, 150, null, null, ZonedDateTime.parse("2027-12-02T10:00:00+01:00[Europe/Paris]"),
        "Dans les locaux de la structure", "Objectifs atteints.", "Un atelier emploi.", true, "pi-13");
    for (String template : List.of("review-opened", "review-interview", "review-summary")) {
      Mail mail = Mail.of(template).with("organisation", ORGANISATION).with("review", review).with("processInstanceId", "pi-13");
      samples.add(template.equals("review-interview")
          ? mail.appointment("bilan-6@reseau-tna.manche.fr", review.interviewAt(), review.interviewAt().plusMinutes(90)) : mail);
    }
    for (String template : List.of("loan-extension-to-review", "loan-extension-refused")) {
      LoanExtension extension = new LoanExtension(3, 42, "pi-5", "julie.hamel", LocalDate.of(2027, 3, 9),
          LocalDate.of(2027, 4, 9), "Le projet dure un mois de plus.",
          template.endsWith("refused") ? LoanExtensionStatus.REFUSEE : LoanExtensionStatus.EN_EXAMEN,
          template.endsWith("refused") ? "Le casque part en maintenance." : null, null);
      samples.add(Mail.of(template).with("organisation", ORGANISATION).with("loan", approved).with("extension", extension)
          .with("processInstanceId", "pi-5"));
    }

    // Convention life
    for (boolean deadlinePassed : List.of(true, false)) {
      Function<String, Mail> life = template -> Mail.of(template).with("convention", signed).with("organisation", ORGANISATION)
          .with("amendmentDeadline", LocalDate.of(2028, 12, 31)).with("amendmentDeadlinePassed", deadlinePassed)
          .with("referentContact", REFERENT);
      Stream.of("convention-signed", "convention-end-reminder", "convention-renewed", "convention-ended")
          .map(life).forEach(samples::add);
      samples.add(life.apply("convention-ended-staff").with("openWork", deadlinePassed
          ? List.of("Prêt n° 42 : INV-004 (Casque de réalité virtuelle), du 3 au 9 mars 2027") : List.of()));
    }

    // Amendment
    Renewal proposed = renewal(RenewalStatus.PROPOSEE, null, null, "Parlons-en à l'entretien de fin d'année.");
    for (Renewal renewal : new Renewal[] {null, proposed, renewal(RenewalStatus.ACCEPTEE, 9L, "julie.hamel", null)}) {
      for (Party party : Party.values()) {
        for (LocalDate named : new LocalDate[] {null, LocalDate.of(2027, 6, 15)}) {
          Amendment amendment = new Amendment(
              5L, 7L, "instance-5", 3, AmendmentStatus.SIGNE, party, "julie.hamel", LocalDate.of(2027, 3, 1),
              "Nouveau lieu d'ateliers", "Les ateliers ont lieu à la médiathèque.", named, "referent", APPLIED,
              "Le budget ne permet pas l'ouverture le dimanche.", named != null ? named : LocalDate.of(2027, 7, 1));
          for (String template : List.of("amendment-late", "amendment-to-review", "amendment-refused", "amendment-signed")) {
            samples.add(Mail.of(template).with("amendment", amendment).with("convention", signed).with("organisation", ORGANISATION)
                .with("renewal", renewal).with("referentContact", REFERENT));
          }
        }
      }
    }

    // Renewal
    for (String answeredBy : new String[] {"Julie Hamel", null}) {
      Renewal accepted = renewal(RenewalStatus.ACCEPTEE, 9L, "julie.hamel", null);
      Convention successor = new Convention(
          9L, 12L, ConventionStatus.ACCEPTEE, "instance-9", APPLIED, APPLIED, "referent", null, null,
          "Claire Martin", "adjointe au maire", "claire.martin@percy.example.fr", 7L, null, null, null, null);
      Map<String, List<Renewal>> renewals = Map.of(
          "renewal-proposed", List.of(proposed, renewal(RenewalStatus.PROPOSEE, null, null, null)),
          "renewal-accepted", List.of(accepted),
          "renewal-declined", List.of(renewal(RenewalStatus.DECLINEE, null, "julie.hamel", "Nous fermons le lieu."),
              renewal(RenewalStatus.DECLINEE, null, "julie.hamel", null)),
          "renewal-expired", List.of(renewal(RenewalStatus.EXPIREE, null, null, null)));
      renewals.forEach((template, list) -> list.forEach(renewal -> samples.add(Mail.of(template).with("renewal", renewal)
          .with("convention", signed).with("organisation", ORGANISATION).with("successor", successor).with("answeredBy", answeredBy))));
    }

    // Formal notice and termination
    Map<FormalNoticeStatus, List<String>> templates = Map.of(
        FormalNoticeStatus.ENVOYEE, List.of("formal-notice"),
        FormalNoticeStatus.ACCUSEE, List.of("formal-notice-period-over"),
        FormalNoticeStatus.REGULARISEE, List.of("formal-notice-remedied"),
        FormalNoticeStatus.RESILIEE_TOTALE, List.of("convention-terminated", "convention-terminated-staff"),
        FormalNoticeStatus.RESILIEE_PARTIELLE, List.of("convention-terminated", "convention-terminated-staff"));
    templates.forEach((status, list) -> {
      for (String decision : new String[] {"Le manquement n'a pas été réparé.", null}) {
        if (decision == null && status != FormalNoticeStatus.REGULARISEE) {
          continue;
        }
        FormalNotice notice = new FormalNotice(
            6L, 7L, "instance-6", status, "Aucun atelier ouvert au public depuis six mois.", "1A 234 567 8901 2",
            LocalDate.of(2027, 3, 3), status == FormalNoticeStatus.ENVOYEE ? null : LocalDate.of(2027, 3, 10), "referent", APPLIED,
            "referent", OffsetDateTime.parse("2027-04-20T10:00:00+02:00"), status.open() ? null : decision, null);
        list.forEach(template -> samples.add(Mail.of(template).with("notice", notice).with("convention", signed)
            .with("organisation", ORGANISATION).with("referentContact", REFERENT)
            .with("openWork", List.of("Prêt n° 42 : INV-004 (Casque de réalité virtuelle), du 3 au 9 mars 2027"))));
      }
    });

    // Signature
    Signing signing = new Signing(12L, ORGANISATION.name(), "Convention de coopération de Commune de Percy-en-Normandie",
        "convention-7", "Jean Dupuis", "maire", "maire@percy.example.fr");
    samples.add(Mail.of("signature-requested").with("signing", signing).with("signatureInstanceId", "instance-8"));
    for (Party party : Party.values()) {
      samples.add(Mail.of("signature-refused").with("signing", signing)
          .with("refusal", new SignatureRefusal(party, "anne.duval", "Anne Duval", "Le budget n'est pas voté.", APPLIED)));
    }

    // Acknowledgement of a member's request
    for (String firstName : new String[] {"Julie", null}) {
      for (String organisation : new String[] {ORGANISATION.name(), null}) {
        samples.add(Mail.of("request-received").with("firstName", firstName).with("organisationName", organisation)
            .with("requestName", "Demande d'accord pour une communication")
            .with("receivedAt", ZonedDateTime.parse("2026-03-01T10:15:00+01:00[Europe/Paris]"))
            .with("referentContact", REFERENT));
      }
    }
    return samples;
  }

  private static Mail decision(String template, Convention convention, boolean referentEmail) {
    return Mail.of(template).with("convention", convention).with("organisation", ORGANISATION)
        .with("referentContact", REFERENT).with("referentEmail", referentEmail ? "claire.lemoine@manche.fr" : null)
        .with("contactSigns", false).with("contactHasAccount", false);
  }

  private static Renewal renewal(RenewalStatus status, Long successorId, String answeredBy, String declineReason) {
    return new Renewal(
        2L, 7L, successorId, "instance-2", status, "referent", OffsetDateTime.parse("2028-12-05T10:00:00+01:00"),
        status == RenewalStatus.PROPOSEE ? "Parlons-en à l'entretien de fin d'année." : null, answeredBy,
        answeredBy == null ? null : OffsetDateTime.parse("2028-12-12T10:00:00+01:00"), declineReason);
  }

  private static LoanRequest loan(long id, LocalDate lastDay, String longerNeedReason, List<LoanRequest.RequestedItem> items,
      LoanRequestStatus status, String decisionReason, String proposal) {
    return new LoanRequest(id, 1, "pi-" + id, "julie.hamel", "Ateliers de découverte", "3 classes de 4e",
        LocalDate.of(2027, 3, 3), lastDay, longerNeedReason, items, status, decisionReason,
        decisionReason == null ? null : "materiel", null, proposal, null, null);
  }
}
