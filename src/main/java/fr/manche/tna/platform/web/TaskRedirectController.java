package fr.manche.tna.platform.web;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Target of the links in mails: a mail is sent before the task it announces exists (sending is
 * asynchronous), so it links here and this page opens the process instance's open task in Tasklist.
 */
@Controller
class TaskRedirectController {

  static final String PATH = "/taches";

  private final TaskService taskService;
  private final TasklistLinks links;

  TaskRedirectController(TaskService taskService, TasklistLinks links) {
    this.taskService = taskService;
    this.links = links;
  }

  @GetMapping(PATH)
  RedirectView openTask(@RequestParam("processus") String processInstanceId) {
    List<Task> tasks =
        taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().desc().list();
    return new RedirectView(tasks.isEmpty() ? links.tasklist() : links.taskInTasklist(tasks.get(0).getId()));
  }
}
