package fr.manche.tna.notification;

import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification from its French templates: {@code templates/mail/<name>.html} (HTML part, which
 * uses the common layout {@code templates/mail/layout.html}) and {@code templates/mail/<name>.txt} (plain-text
 * part).
 */
@Component
class MailRenderer {

  record Rendered(String text, String html) {}

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  MailRenderer() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
  }

  Rendered render(Notification notification) {
    Context context = new Context(Locale.FRANCE);
    context.setVariables(notification.model());
    context.setVariable("organisationName", notification.organisationName());
    context.setVariable("requestSubject", notification.requestSubject());
    context.setVariable("link", notification.link());
    context.setVariable("subject", notification.subject());
    context.setVariable("invitation", notification.invitation());
    String html = engine.process(notification.template() + ".html", context);
    String text = engine.process(notification.template() + ".txt", context);
    return new Rendered(text, html);
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
