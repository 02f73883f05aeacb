package org.registrysecrets.server.launchpad;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;

/**
 * How a dialog's form is answered. On success the dialog closes, the tiles reload (an htmx event)
 * and a message strip says what happened; on failure only the dialog's message area changes, so the
 * fields keep what the user typed and no credential is ever sent back into the page.
 */
public final class Dialogs {

  private Dialogs() {}

  /** An action that returns the warnings to show with its success message. */
  @FunctionalInterface
  public interface Action {
    List<String> run();
  }

  public static String submit(
      Runnable action, String success, String event, Model model, HttpServletResponse response) {
    return submitWithWarnings(
        () -> {
          action.run();
          return List.of();
        },
        success,
        event,
        model,
        response);
  }

  public static String submitWithWarnings(
      Action action, String success, String event, Model model, HttpServletResponse response) {
    List<String> warnings;
    try {
      warnings = action.run();
    } catch (RuntimeException e) {
      String message = RemoteErrors.describe(e);
      if (message == null) {
        throw e;
      }
      model.addAttribute("errors", List.of(message));
      return "launchpad/fragments :: dialog-messages";
    }
    response.setHeader("HX-Retarget", "#dialog");
    response.setHeader("HX-Reswap", "innerHTML");
    response.setHeader("HX-Trigger", event);
    model.addAttribute("success", success);
    model.addAttribute("warnings", warnings);
    return "launchpad/fragments :: closed-dialog";
  }
}
