package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.CurrentUser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page that a template renders, error pages included, what its layout shows ({@link Layout}, model
 * attribute {@code layout}): the logged-in person, the menu of the pages they may open, the login link back to
 * the page asked for.
 */
@Component
class PageLayout implements HandlerInterceptor, WebMvcConfigurer {

  /** Model attribute that the layout reads. */
  static final String ATTRIBUTE = "layout";

  private final Pages pages;
  private final IdentityService identityService;

  PageLayout(Pages pages, IdentityService identityService) {
    this.pages = pages;
    this.identityService = identityService;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
    if (view == null || !view.hasView() || isRedirectOrForward(view)) {
      return;
    }
    view.addObject(ATTRIBUTE, of(request));
  }

  Layout of(HttpServletRequest request) {
    Optional<CurrentUser> user = CurrentUser.of(request);
    String path = requestedPath(request);
    boolean loginFormShown = path.equals(ReturnPath.LOGIN)
        || Integer.valueOf(HttpServletResponse.SC_UNAUTHORIZED).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    return new Layout(
        user.map(this::nameOf).orElse(null),
        pages.menuFor(user).stream()
            .map(page -> new Layout.Entry(page.path(), page.title(), page.description(), page.covers(path)))
            .toList(),
        ReturnPath.safe(requested(request)),
        user.isEmpty() && !loginFormShown);
  }

  private String nameOf(CurrentUser user) {
    User person = identityService.createUserQuery().userId(user.userId()).singleResult();
    if (person == null) {
      return user.userId();
    }
    String name = ((person.getFirstName() == null ? "" : person.getFirstName()) + " "
        + (person.getLastName() == null ? "" : person.getLastName())).trim();
    return name.isEmpty() ? user.userId() : name;
  }

  /**
   * The page the person asked for, also when an error page answers it (401: back there once logged in); the home
   * page after a form was sent (its address answers POST only).
   */
  static String requested(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return ReturnPath.HOME;
    }
    String path = requestedPath(request);
    String query = request.getDispatcherType() == DispatcherType.ERROR
        ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
        : request.getQueryString();
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  private static String requestedPath(HttpServletRequest request) {
    Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return request.getDispatcherType() == DispatcherType.ERROR && errorUri instanceof String uri
        ? uri.substring(request.getContextPath().length())
        : request.getRequestURI().substring(request.getContextPath().length());
  }

  private static boolean isRedirectOrForward(ModelAndView view) {
    String name = view.getViewName();
    return view.getView() instanceof RedirectView
        || name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
  }
}
