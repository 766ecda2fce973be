package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.CurrentUser;
import java.util.Arrays;
import java.util.Optional;

/**
 * The pages of the menu, in its order: one line per page says its address, its French title, who may open it
 * and what it is for. The menu of every page (templates/pages/layout.html), the home page {@code /accueil} and the
 * start-up log read this list; the staff pages' guard ({@code StaffPagesFilter}) covers every page for
 * {@link Audience#STAFF} and what lies below it ({@code /organisations/12}). A capability adds its page here
 * and writes its template with the shared layout ({@code th:replace="~{layout :: page('Titre', ~{::main})}"}).
 */
public enum Page {
  ACCUEIL("/accueil", "Accueil", Audience.EVERYONE, "Les pages du réseau que votre compte peut ouvrir."),
  CONVENTIONS("/conventions", "Conventions", Audience.STAFF,
      "Chaque convention : son état, ses dates, ses prochaines échéances, son historique et ses documents."),
  ORGANISATIONS("/organisations", "Organisations", Audience.STAFF,
      "Les organisations, leurs personnes et leurs comptes, leur attestation d'assurance."),
  MATERIEL("/materiel", "Matériel", Audience.STAFF,
      "Le catalogue du matériel prêté : types, numéros, lots d'accessoires et statuts ; import et export CSV."),
  PRETS("/prets", "Prêts", Audience.STAFF,
      "Toutes les demandes de prêt et les prêts : filtres par état, structure, matériel et période ; export CSV."),
  USAGE_DU_DEPARTEMENT("/usage-du-departement", "Usage du Département", Audience.STAFF,
      "Réserver du matériel pour les actions du Département (article 4.3, priorité) ; les demandes en attente sur ces jours sont refusées."),
  HORAIRES("/horaires", "Horaires de remise", Audience.STAFF,
      "Les heures d'ouverture pour retirer et rendre le matériel, la durée des créneaux, les fermetures, les jours fériés."),
  REMISES("/remises", "Remises du jour", Audience.STAFF,
      "Les rendez-vous de retrait et de retour du matériel, jour par jour, avec la tâche de chacun."),
  INDICATEURS("/indicateurs", "Indicateurs", Audience.STAFF,
      "Les indicateurs de suivi du réseau (actions, publics, appréciation) par semestre, structure et type de matériel ; export CSV et dossier PDF pour le comité."),
  JOURNAL_DES_DECISIONS("/audit", "Journal des décisions", Audience.STAFF, "Qui a décidé quoi, et quand."),
  COURRIELS("/courriels", "Courriels envoyés", Audience.STAFF,
      "Les courriels de l'application : en démonstration, ils ne partent pas et arrivent ici.", Runs.IN_DEMO_ONLY),
  MA_CONVENTION("/ma-convention", "Ma convention", Audience.MEMBERS,
      "La convention de votre organisation : ses dates, ses échéances, ses avenants et ses documents."),
  MES_DEMANDES("/mes-demandes", "Mes demandes", Audience.MEMBERS,
      "Les demandes de votre organisation et l'étape où chacune en est."),
  MES_EMPRUNTS("/mes-emprunts", "Mes emprunts", Audience.MEMBERS,
      "Les demandes de prêt et les prêts de votre organisation : dates, matériel, prochaine étape ; annuler, prolonger."),
  MES_RENDEZ_VOUS("/mes-rendez-vous", "Mes rendez-vous", Audience.MEMBERS,
      "Vos rendez-vous de retrait et de retour du matériel à la Maison du Département : déplacer, annuler."),
  MES_INDICATEURS("/mes-indicateurs", "Mes indicateurs", Audience.MEMBERS,
      "Les actions menées, les publics touchés et leur appréciation, d'après vos comptes rendus, par semestre ; export CSV."),
  DISPONIBILITES("/disponibilites", "Disponibilités du matériel", Audience.EVERYONE,
      "Les jours où chaque matériel est libre, type par type, sur les huit semaines à venir."),
  LISTE_DES_TACHES(TasklistLinks.TASKLIST_PATH, "Liste des tâches", Audience.EVERYONE,
      "Vos tâches, et les demandes à déposer : « Démarrer un processus ».");

  /** Who sees a page in the menu (and, for staff pages, who gets in). */
  public enum Audience {
    /** Everyone who is logged in. */
    EVERYONE("tout le monde"),
    /** The département's staff (any staff group, administrators included). */
    STAFF("équipe du Département"),
    /** The members' people: logged in, not staff. */
    MEMBERS("membres");

    private final String label;

    Audience(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean admits(Optional<CurrentUser> user) {
      return user.isPresent()
          && switch (this) {
            case EVERYONE -> true;
            case STAFF -> user.get().isStaff();
            case MEMBERS -> !user.get().isStaff();
          };
    }
  }

  /** Whether a page exists in every run or only in the demo run (profile {@code demo}). */
  public enum Runs {
    ALWAYS,
    IN_DEMO_ONLY
  }

  private final String path;
  private final String title;
  private final Audience audience;
  private final String description;
  private final Runs runs;

  Page(String path, String title, Audience audience, String description) {
    this(path, title, audience, description, Runs.ALWAYS);
  }

  Page(String path, String title, Audience audience, String description, Runs runs) {
    this.path = path;
    this.title = title;
    this.audience = audience;
    this.description = description;
    this.runs = runs;
  }

  public String path() {
    return path;
  }

  public String title() {
    return title;
  }

  public Audience audience() {
    return audience;
  }

  public String description() {
    return description;
  }

  public Runs runs() {
    return runs;
  }

  /** A page of this application (Tasklist is Camunda's). */
  public boolean ours() {
    return !path.startsWith("/camunda/");
  }

  /** Whether a request's path is this page or lies below it ({@code /organisations/12} below {@code /organisations}). */
  public boolean covers(String requestPath) {
    return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
  }

  /** Servlet URL patterns of the staff pages and what lies below them: what the staff pages' guard covers. */
  public static String[] staffUrlPatterns() {
    return Arrays.stream(values())
        .filter(page -> page.audience == Audience.STAFF && page.ours())
        .flatMap(page -> java.util.stream.Stream.of(page.path, page.path + "/*"))
        .toArray(String[]::new);
  }
}
