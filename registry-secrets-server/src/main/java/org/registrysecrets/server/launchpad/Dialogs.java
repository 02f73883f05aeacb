package org.registrysecrets.server.launchpad;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;

/**
 * How a dialog's form is answered. On success the dialog closes (the browser's {@code close-dialog}
 * event), the tiles reload (an htmx event) and a message strip says what happened; on failure only
 * the dialog's message area changes, so the fields keep what the user typed and no credential is
 * ever sent back into the page.
 */
public final class Dialogs {

  private Dialogs() {}

  /** What a successful action says: its message and any warnings to show with it. */
  public record Done(String success, List<String> warnings) {}

  /** An action that says how it went. */
  @FunctionalInterface
  public interface Action {
    Done run();
  }

  public static String submit(
      Runnable action, String success, String event, Model model, HttpServletResponse response) {
    return submitWithWarnings(
        () -> {
          action.run();
          return new Done(success, List.of());
        },
        event,
        model,
        response);
  }

  public static String submitWithWarnings(
      Action action, String event, Model model, HttpServletResponse response) {
    Done done;
    try {
      done = action.run();
    } catch (RuntimeException e) {
      String message = RemoteErrors.describe(e);
      if (message == null) {
        throw e;
      }
      model.addAttribute("errors", List.of(message));
      model.addAttribute("errorDetail", RemoteErrors.detail(e));
      model.addAttribute("saveAnyway", RemoteErrors.credentialsRefused(e));
      model.addAttribute("errorField", e instanceof FieldProblem problem ? problem.field() : null);
      return "launchpad/fragments :: dialog-messages";
    }
    // The dialog's message area empties; the page's message strip is swapped out of band, and the
    // browser closes the dialog when "close-dialog" arrives.
    response.setHeader("HX-Trigger", event);
    response.setHeader("HX-Trigger-After-Swap", "close-dialog");
    model.addAttribute("success", done.success());
    model.addAttribute("warnings", done.warnings());
    return "launchpad/fragments :: closed-dialog";
  }
}
