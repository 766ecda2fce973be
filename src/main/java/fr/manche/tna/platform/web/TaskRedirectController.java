package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Target of the links in mails: a mail is sent before the task it announces exists (sending is
 * asynchronous), so it links here and this page opens the process instance's open task in Tasklist. The task
 * is looked up as the logged-in person, with their authorizations: someone who may not see that instance is sent
 * to Tasklist's home page and learns nothing of it; someone not logged in is sent to the login page, which comes
 * back here once they are (and learns nothing either: the link is all they had).
 */
@Controller
class TaskRedirectController {

  static final String PATH = "/taches";

  private final TaskService taskService;
  private final IdentityService identityService;
  private final TasklistLinks links;

  TaskRedirectController(TaskService taskService, IdentityService identityService, TasklistLinks links) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.links = links;
  }

  @GetMapping(PATH)
  RedirectView openTask(@RequestParam("processus") String processInstanceId, HttpServletRequest request) {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty()) {
      return new RedirectView(ReturnPath.loginThenBackTo(PATH + "?processus=" + processInstanceId), true);
    }
    List<Task> tasks;
    CurrentUser.actInEngine(identityService, user.get().userId());
    try {
      tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().desc()
          .listPage(0, 1);
    } finally {
      identityService.clearAuthentication();
    }
    return new RedirectView(tasks.isEmpty() ? links.tasklist() : links.taskInTasklist(tasks.get(0).getId()));
  }
}
