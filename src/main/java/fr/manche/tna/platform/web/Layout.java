package fr.manche.tna.platform.web;

import java.util.List;

/**
 * What the shared layout (templates/pages/layout.html) shows around every page: who is logged in, their menu, and
 * the way to log in.
 *
 * @param personName the logged-in person's name, or null for someone not logged in
 * @param menu the pages this person may open
 */
public record Layout(String personName, List<Entry> menu) {

  /** A page of the menu; {@code current} when it is the page shown (or the page shown lies below it). */
  public record Entry(String path, String title, String description, boolean current) {}

  public boolean signedIn() {
    return personName != null;
  }
}
