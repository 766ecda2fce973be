package fr.manche.tna.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute addresses of the pages that mails link to, built from {@code tna.base-url}. */
@Component
public class TasklistLinks {

  /** Tasklist's home page, below the application's address. */
  public static final String TASKLIST_PATH = "/camunda/app/tasklist/default/";

  private final String baseUrl;

  TasklistLinks(@Value("${tna.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Tasklist's home page: the reader's own tasks. */
  public String tasklist() {
    return baseUrl + TASKLIST_PATH;
  }

  /**
   * The open task of a process instance: the page redirects to that task in Tasklist once it exists, or to
   * Tasklist's home page when the instance has no open task.
   */
  public String openTaskOf(String processInstanceId) {
    return baseUrl + TaskRedirectController.PATH + "?processus=" + processInstanceId;
  }

  /** The page where a person sets their password with a one-time link. */
  public String setPassword(String secret) {
    return baseUrl + "/compte/mot-de-passe?jeton=" + secret;
  }

  /** A signed document (or its draft until signed), for the staff and the organisation concerned. */
  public String document(String documentTypeName, long documentId) {
    return baseUrl + "/documents/" + documentTypeName.toLowerCase(java.util.Locale.ROOT) + "/" + documentId;
  }

  /** The application's home page: the menu of the pages the reader's role may open. */
  public String home() {
    return baseUrl + Page.ACCUEIL.path();
  }

  /** The member's page: their conventions, dates, amendments and documents. */
  public String memberConventions() {
    return baseUrl + "/ma-convention";
  }

  /** The member's page of their organisation's requests and where each stands ({@code /mes-demandes}). */
  public String memberRequests() {
    return baseUrl + Page.MES_DEMANDES.path();
  }

  /** The member's page of their organisation's loan requests and loans ({@code /mes-emprunts}). */
  public String memberLoans() {
    return baseUrl + Page.MES_EMPRUNTS.path();
  }

  /** The member's handover appointments, to move or cancel ({@code /mes-rendez-vous}). */
  public String memberHandovers() {
    return baseUrl + Page.MES_RENDEZ_VOUS.path();
  }

  /** The staff's list of every loan request and loan ({@code /prets}). */
  public String staffLoans() {
    return baseUrl + Page.PRETS.path();
  }

  /** The staff's list of conventions and deadlines. */
  public String staffConventions() {
    return baseUrl + "/conventions";
  }

  /** The staff's decision log ({@code /audit}): who decided or filed what, and when. */
  public String decisionLog() {
    return baseUrl + Page.JOURNAL_DES_DECISIONS.path();
  }

  String taskInTasklist(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }
}
