package fr.manche.tna.platform.web;

import java.util.List;

/**
 * What the shared layout (templates/pages/layout.html) shows around every page: who is logged in, their menu, and
 * the login link that comes back to this page.
 *
 * @param personName the logged-in person's name, or null for someone not logged in
 * @param menu the pages this person may open
 * @param returnPath the page shown (or asked for, on an error page), where one comes back after logging in
 * @param loginButton whether the header offers to log in: to someone not logged in, unless the page holds the login
 *     form already (the login page, the 401 page)
 */
public record Layout(String personName, List<Entry> menu, String returnPath, boolean loginButton) {

  /** A page of the menu; {@code current} when it is the page shown (or the page shown lies below it). */
  public record Entry(String path, String title, String description, boolean current) {}

  public boolean signedIn() {
    return personName != null;
  }

  /** The login page, coming back to this page. */
  public String loginLink() {
    return ReturnPath.loginThenBackTo(returnPath);
  }
}
