package org.registrysecrets.server.launchpad.connections;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.registrysecrets.server.launchpad.Dialogs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Workspaces app: AI API connections as tiles, and their dialogs. */
@Controller
@RequestMapping("/launchpad/workspaces")
class WorkspacesController {

  private final ConnectionService connections;
  private final CurrentWorkspace workspace;

  WorkspacesController(ConnectionService connections, CurrentWorkspace workspace) {
    this.connections = connections;
    this.workspace = workspace;
  }

  @GetMapping
  String page(@RequestParam(defaultValue = "") String filter, Model model) {
    model.addAttribute("connections", connections.list(filter));
    model.addAttribute("filter", filter);
    return "launchpad/workspaces";
  }

  @GetMapping("/tiles")
  String tiles(@RequestParam(defaultValue = "") String filter, Model model) {
    model.addAttribute("connections", connections.list(filter));
    return "launchpad/workspaces :: tiles";
  }

  @PostMapping("/{name}/select")
  String select(@PathVariable String name, Principal principal, RedirectAttributes redirect) {
    workspace.choose(principal, name);
    redirect.addFlashAttribute("success", "Workspace " + name + " selected.");
    return "redirect:/launchpad/workspaces";
  }

  @GetMapping("/add")
  String addDialog(Model model) {
    model.addAttribute("connection", null);
    return "launchpad/connection-dialog :: dialog";
  }

  @PostMapping("/add")
  String add(@ModelAttribute ConnectionForm form, Model model, HttpServletResponse response) {
    return Dialogs.submit(
        () -> connections.create(form),
        "AI API connection " + ConnectionForm.text(form.name()) + " created.",
        "connections-changed",
        model,
        response);
  }

  @GetMapping("/{name}/edit")
  String editDialog(@PathVariable String name, Model model) {
    model.addAttribute("connection", connections.get(name));
    return "launchpad/connection-dialog :: dialog";
  }

  @PostMapping("/{name}/edit")
  String edit(
      @PathVariable String name,
      @ModelAttribute ConnectionForm form,
      Model model,
      HttpServletResponse response) {
    return Dialogs.submit(
        () -> connections.update(name, form),
        "AI API connection " + name + " saved.",
        "connections-changed",
        model,
        response);
  }

  @GetMapping("/{name}/delete")
  String deleteDialog(@PathVariable String name, Model model) {
    model.addAttribute("connection", connections.get(name));
    return "launchpad/connection-delete-dialog :: dialog";
  }

  @PostMapping("/{name}/delete")
  String delete(@PathVariable String name, Model model, HttpServletResponse response) {
    return Dialogs.submit(
        () -> connections.delete(name),
        "AI API connection " + name + " deleted.",
        "connections-changed",
        model,
        response);
  }
}
