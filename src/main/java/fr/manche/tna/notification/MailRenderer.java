package fr.manche.tna.notification;

import fr.manche.tna.platform.web.TasklistLinks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.unbescape.html.HtmlEscape;

/**
 * Renders a mail from its one French template, {@code templates/mail/<name>.html}, a small HTML document:
 *
 * <pre>{@code
 * <head>
 *   <title>subject of the mail, e.g. Demande d'avenant refusée : « [[${amendment.object}]] »</title>
 *   <meta name="organisation" th:content="${organisation.name}">      the organisation it is about
 *   <meta name="objet" content="Avenant à la convention de coopération (article 9)">   what it is about
 *   <link rel="action" th:href="${links.memberConventions()}" title="Voir la convention">   the button
 * </head>
 *   <meta name="rendez-vous" content="...">   an appointment's title, for a mail with {@link Mail#appointment};
 *   <meta name="rendez-vous-details" th:content="..."> <meta name="rendez-vous-lieu" content="...">   its details, place
 * <body> the paragraphs (p, ul/li; strong, em, br inside) </body>
 * }</pre>
 *
 * <p>Both parts come from it: the HTML part is the body in the common frame {@code layout.html}, the
 * plain-text part is the same paragraphs as text in {@code layout.txt}; nobody writes a text twice. Besides
 * the mail's facts, every template can use {@code links} ({@link TasklistLinks}: the pages to open) and
 * {@code paris} ({@link MailFormats}: dates the French way).
 */
@Component
class MailRenderer {

  /** A rendered mail: the subject line, the frame's facts, and both parts. */
  record Rendered(String subject, String organisationName, String topic, String text, String html, CalendarInvitation invitation) {}

  /** What the frame shows around the body, read from the rendered template. */
  record Frame(
      String subject, String organisationName, String topic, String link, String linkLabel, String body, String text,
      String appointment, String appointmentDetails, String appointmentPlace) {

    /** The button's address as a reader types it: a mail address without {@code mailto:}. */
    public String linkTarget() {
      return link.startsWith("mailto:") ? link.substring("mailto:".length()) : link;
    }

    public boolean mailto() {
      return link.startsWith("mailto:");
    }
  }

  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
  private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<(meta|link)\\b([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*\"([^\"]*)\"");

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final TasklistLinks links;

  MailRenderer(TasklistLinks links) {
    this.links = links;
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
  }

  Rendered render(Mail mail) {
    Context facts = new Context(Locale.FRANCE);
    facts.setVariables(mail.facts());
    facts.setVariable("links", links);
    facts.setVariable("paris", MailFormats.INSTANCE);
    Frame frame = frame(mail.template(), engine.process(mail.template() + ".html", facts));
    Context layout = new Context(Locale.FRANCE);
    layout.setVariable("mail", frame);
    return new Rendered(
        frame.subject(),
        frame.organisationName(),
        frame.topic(),
        engine.process("layout.txt", layout),
        engine.process("layout.html", layout),
        invitation(mail, frame));
  }

  private static CalendarInvitation invitation(Mail mail, Frame frame) {
    Mail.Appointment appointment = mail.appointment();
    if (appointment == null) {
      return null;
    }
    if (frame.appointment() == null) {
      throw new IllegalStateException("The mail template " + mail.template() + " names no appointment (<meta name=\"rendez-vous\">)");
    }
    return new CalendarInvitation(
        appointment.uid(), frame.appointment(), frame.appointmentDetails(), frame.appointmentPlace(), appointment.start(),
        appointment.end(), appointment.sequence(), appointment.cancelled());
  }

  /** Reads the rendered template: its head gives the frame, its body the paragraphs. */
  static Frame frame(String template, String document) {
    Map<String, String> head = new HashMap<>();
    Matcher tags = TAG.matcher(document);
    while (tags.find()) {
      Map<String, String> attributes = attributes(tags.group(2));
      if ("meta".equals(tags.group(1)) && attributes.containsKey("name")) {
        head.put(attributes.get("name"), attributes.get("content"));
      } else if ("link".equals(tags.group(1)) && "action".equals(attributes.get("rel"))) {
        head.put("href", attributes.get("href"));
        head.put("title", attributes.get("title"));
      }
    }
    Matcher title = TITLE.matcher(document);
    Matcher body = BODY.matcher(document);
    String subject = title.find() ? text(title.group(1)) : null;
    for (String required : new String[] {"organisation", "objet", "href", "title"}) {
      if (head.get(required) == null || head.get(required).isBlank()) {
        throw new IllegalStateException("The mail template " + template + " gives no " + required + " (see MailRenderer)");
      }
    }
    if (subject == null || subject.isBlank() || !body.find()) {
      throw new IllegalStateException("The mail template " + template + " needs a <title> (the subject) and a <body>");
    }
    return new Frame(
        subject,
        text(head.get("organisation")),
        text(head.get("objet")),
        HtmlEscape.unescapeHtml(head.get("href")),
        text(head.get("title")),
        body.group(1).trim(),
        paragraphs(body.group(1)),
        head.get("rendez-vous") == null ? null : text(head.get("rendez-vous")),
        head.get("rendez-vous-details") == null ? null : text(head.get("rendez-vous-details")),
        head.get("rendez-vous-lieu") == null ? null : text(head.get("rendez-vous-lieu")));
  }

  /**
   * The body as plain text: one line per paragraph or list item, a blank line between paragraphs, a line
   * break where the HTML has {@code <br>}; inline markup dropped, entities decoded.
   */
  static String paragraphs(String html) {
    String marked = html
        .replaceAll("(?i)<br\\s*/?>", "\u0001")
        .replaceAll("(?i)<li\\b[^>]*>", "\u0000- ")
        .replaceAll("(?i)</?(p|div|ul|ol|li|h[1-6]|blockquote)\\b[^>]*>", "\u0000")
        .replaceAll("<[^>]+>", "");
    return Arrays.stream(HtmlEscape.unescapeHtml(marked).split("\u0000"))
        .map(block -> block.replaceAll("\\s+", " ").replaceAll(" ?\u0001 ?", "\n").trim())
        .filter(block -> !block.isEmpty())
        .collect(Collectors.joining("\n\n"));
  }

  private static String text(String html) {
    return HtmlEscape.unescapeHtml(html.replaceAll("<[^>]+>", "")).replaceAll("\\s+", " ").trim();
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new HashMap<>();
    Matcher matcher = ATTRIBUTE.matcher(tag);
    while (matcher.find()) {
      attributes.put(matcher.group(1), matcher.group(2));
    }
    return attributes;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }
}
