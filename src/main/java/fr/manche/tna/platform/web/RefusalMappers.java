package fr.manche.tna.platform.web;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the two REST APIs (the public {@code /engine-rest} and the webapps' {@code /camunda/api/engine} that
 * Tasklist calls) answer a refusal, registered in both through Jersey's auto-discovery
 * ({@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}).
 *
 * <ul>
 *   <li>An {@link InvalidInputException}, however the REST resource wrapped it ("Cannot instantiate process
 *       definition …", "Cannot submit task form …", a 500): 400, and the message is the French sentence
 *       alone. Logged on one line at INFO, user text neutralised.
 *   <li>A variable the REST API cannot read as the type its caller named: 400, in French.
 *   <li>A command that lost the race for the same process to another transaction (a job of a parallel branch, another
 *       person; the engine's {@link OptimisticLockingException}): 409, in French, asking to try again. The engine
 *       rolled everything back, so trying again is safe. Logged on one line at INFO.
 *   <li>For a member (a person who may not open Cockpit): something of another organisation answers exactly
 *       like something that does not exist, 404 with one French sentence, so that no answer tells whether
 *       another organisation's task, job or instance exists.
 * </ul>
 *
 * Anything else goes to Camunda's own mappers. Both mappers have a higher priority than Camunda's for the
 * same exception type; being {@link ExtendedExceptionMapper}s, they take only what they recognise.
 */
public final class RefusalMappers implements AutoDiscoverable {

  static final String NOT_FOUND = "Impossible : cet élément n'existe pas, ou vous n'y avez pas accès.";
  static final String MALFORMED_VALUE = "Une valeur envoyée n'a pas le type attendu par le formulaire : rien n'a été enregistré.";
  static final String CONCURRENT_CHANGE = "Ce dossier vient d'être modifié en même temps que vous (par une autre personne"
      + " ou par l'application elle-même) : rien n'a été enregistré. Réessayez dans un instant.";
  private static final List<String> MALFORMED_VALUE_MESSAGES =
      List.of("Unsupported value type", "Cannot convert value", "Must provide 'null' or String value");
  private static final Logger LOG = LoggerFactory.getLogger(RefusalMappers.class);

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineRefusals.class)) {
      context.register(EngineRefusals.class, 1);
      context.register(RestRefusals.class, 1);
    }
  }

  /** The response for a refusal, or empty when the exception is not one. */
  static Optional<Response> respond(Throwable failure) {
    Optional<InvalidInputException> refusal = InvalidInputException.in(failure);
    if (refusal.isPresent()) {
      return Optional.of(json(Response.Status.BAD_REQUEST, "InvalidInputException", refusal.get().getMessage()));
    }
    if (isMalformedValue(failure)) {
      return Optional.of(json(Response.Status.BAD_REQUEST, "InvalidInputException", MALFORMED_VALUE));
    }
    if (isConcurrentChange(failure)) {
      return Optional.of(json(Response.Status.CONFLICT, "OptimisticLockingException", CONCURRENT_CHANGE));
    }
    if (isNotYoursOrMissing(failure) && callerIsMember()) {
      return Optional.of(json(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND));
    }
    return Optional.empty();
  }

  private static Response logged(Throwable failure) {
    Response response = respond(failure).orElseThrow();
    if (response.getStatus() == 400) {
      LOG.info("Saisie refusée (400) : {}", Logs.safe(String.valueOf(((Map<?, ?>) response.getEntity()).get("message"))));
    } else if (response.getStatus() == 409) {
      LOG.info("Modification simultanée refusée (409) : {}", Logs.safe(String.valueOf(failure.getMessage())));
    }
    return response;
  }

  private static boolean isConcurrentChange(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /** A variable the REST API could not even read as the type the caller named (Json, a number that is not one...). */
  private static boolean isMalformedValue(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RestException rest && rest.getStatus() == Response.Status.BAD_REQUEST && rest.getMessage() != null
          && MALFORMED_VALUE_MESSAGES.stream().anyMatch(rest.getMessage()::startsWith)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNotYoursOrMissing(Throwable failure) {
    if (failure instanceof RestException rest) {
      int status = rest.getStatus() == null ? 500 : rest.getStatus().getStatusCode();
      return status == 403 || status == 404 || isNotYoursOrMissing(rest.getCause());
    }
    return failure instanceof AuthorizationException || failure instanceof NotFoundException
        || failure instanceof NullValueException;
  }

  private static boolean callerIsMember() {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    Authentication caller = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
    return caller != null
        && !engine.getAuthorizationService().isUserAuthorized(
            caller.getUserId(), caller.getGroupIds(), Permissions.ACCESS, Resources.APPLICATION, "cockpit");
  }

  private static Response json(Response.Status status, String type, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(Map.of("type", type, "message", message))
        .build();
  }

  @Priority(1)
  static final class EngineRefusals implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return respond(exception).isPresent();
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return logged(exception);
    }
  }

  @Priority(1)
  static final class RestRefusals implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      return respond(exception).isPresent();
    }

    @Override
    public Response toResponse(RestException exception) {
      return logged(exception);
    }
  }
}
