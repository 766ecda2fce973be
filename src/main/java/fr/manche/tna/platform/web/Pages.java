package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.CurrentUser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** The pages of {@link Page} that exist in this run (the demo's only in the demo), and each person's menu. */
@Component
public class Pages {

  private final boolean demo;

  Pages(Environment environment) {
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  /** Every page of this run, in the menu's order. */
  public List<Page> available() {
    return Arrays.stream(Page.values()).filter(page -> demo || page.runs() == Page.Runs.ALWAYS).toList();
  }

  /** The pages this person may open, in the menu's order; none for someone not logged in. */
  public List<Page> menuFor(Optional<CurrentUser> user) {
    return available().stream().filter(page -> page.audience().admits(user)).toList();
  }
}
