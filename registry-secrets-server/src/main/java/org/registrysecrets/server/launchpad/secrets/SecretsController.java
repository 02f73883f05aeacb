package org.registrysecrets.server.launchpad.secrets;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigInput;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.DockerRegistrySecretList;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.server.launchpad.Dialogs;
import org.registrysecrets.server.launchpad.RemoteErrors;
import org.registrysecrets.server.launchpad.connections.ConnectionService;
import org.registrysecrets.server.launchpad.connections.CurrentWorkspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * AI Core Administration's Docker Registry Secrets screen for the current workspace: tiles, and the
 * Add, Edit and Remove procedures of SAP AI Launchpad.
 */
@Controller
@RequestMapping("/launchpad/secrets")
class SecretsController {

  private static final String CHANGED = "secrets-changed";

  private final ConnectionService connections;
  private final CurrentWorkspace workspace;

  SecretsController(ConnectionService connections, CurrentWorkspace workspace) {
    this.connections = connections;
    this.workspace = workspace;
  }

  @GetMapping
  String page(@RequestParam(defaultValue = "") String filter, Principal principal, Model model) {
    model.addAttribute("filter", filter);
    addTiles(filter, principal, model);
    return "launchpad/secrets";
  }

  @GetMapping("/tiles")
  String tiles(@RequestParam(defaultValue = "") String filter, Principal principal, Model model) {
    addTiles(filter, principal, model);
    return "launchpad/secrets :: tiles";
  }

  @GetMapping("/name-check")
  String nameCheck(@RequestParam(defaultValue = "") String name, Model model) {
    model.addAttribute("problem", name.isEmpty() ? null : SecretName.problemWith(name));
    model.addAttribute("checked", !name.isEmpty());
    return "launchpad/secret-dialog :: name-hint";
  }

  @GetMapping("/add")
  String addDialog(Model model) {
    model.addAttribute("mode", "add");
    model.addAttribute("secretName", "");
    return "launchpad/secret-dialog :: dialog";
  }

  @PostMapping("/add")
  String add(
      @ModelAttribute SecretForm form,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    String name = form.name() == null ? "" : form.name().strip();
    return Dialogs.submitWithWarnings(
        () -> {
          SecretName.of(name);
          DockerConfigInput.Normalized input = normalized(form.secret());
          DockerRegistrySecretChangeResponse created =
              client(principal).create(name, input.dockerConfigJson(), form.verified());
          return concat(input.warnings(), created.warnings());
        },
        "Docker registry secret " + name + " added" + checked(form) + ".",
        CHANGED,
        model,
        response);
  }

  @GetMapping("/{name}/edit")
  String editDialog(@PathVariable String name, Model model) {
    model.addAttribute("mode", "edit");
    model.addAttribute("secretName", SecretName.of(name).value());
    return "launchpad/secret-dialog :: dialog";
  }

  @PostMapping("/{name}/edit")
  String edit(
      @PathVariable String name,
      @ModelAttribute SecretForm form,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    return Dialogs.submitWithWarnings(
        () -> {
          DockerConfigInput.Normalized input = normalized(form.secret());
          DockerRegistrySecretChangeResponse modified =
              client(principal)
                  .modify(
                      SecretName.of(name).value(), input.dockerConfigJson(), null, form.verified());
          return concat(input.warnings(), modified.warnings());
        },
        "Docker registry secret " + name + " edited" + checked(form) + ".",
        CHANGED,
        model,
        response);
  }

  @GetMapping("/{name}/remove")
  String removeDialog(@PathVariable String name, Principal principal, Model model) {
    model.addAttribute("secretName", SecretName.of(name).value());
    model.addAttribute("usedBy", usedBy(principal, name));
    return "launchpad/secret-remove-dialog :: dialog";
  }

  @PostMapping("/{name}/remove")
  String remove(
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String confirm,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    return Dialogs.submit(
        () -> {
          if (!usedBy(principal, name).isEmpty() && !"true".equals(confirm)) {
            throw new InvalidInputException(
                "The secret is still in use; confirm that its users may stop working.");
          }
          client(principal).delete(SecretName.of(name).value(), null);
        },
        "Docker registry secret " + name + " removed.",
        CHANGED,
        model,
        response);
  }

  private void addTiles(String filter, Principal principal, Model model) {
    List<SecretTile> secrets = List.of();
    long total = 0;
    String error = null;
    try {
      DockerRegistrySecretList list = client(principal).list(null, null, true);
      total = list.count();
      String needle = filter.strip().toLowerCase(Locale.ROOT);
      secrets =
          list.resources().stream()
              .filter(secret -> needle.isEmpty() || secret.name().contains(needle))
              .map(SecretTile::of)
              .toList();
    } catch (RuntimeException e) {
      error = RemoteErrors.describe(e);
      if (error == null) {
        throw e;
      }
    }
    model.addAttribute("secrets", secrets);
    model.addAttribute("total", total);
    model.addAttribute("listError", error);
  }

  /**
   * The ServiceAccounts and Pods that pull with the secret, when the server syncs to Kubernetes.
   */
  private List<String> usedBy(Principal principal, String name) {
    DockerRegistrySecretSync sync =
        client(principal).get(SecretName.of(name).value()).value().sync();
    return sync == null ? List.of() : sync.usedBy();
  }

  /** What a tile shows: the name and harmless metadata. */
  record SecretTile(String name, String registries, String modified, @Nullable String sync) {

    private static final DateTimeFormatter MODIFIED =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static SecretTile of(DockerRegistrySecretMetadata secret) {
      return new SecretTile(
          secret.name(),
          String.join(", ", secret.registries()),
          MODIFIED.format(secret.modifiedAt()),
          secret.sync() == null ? null : secret.sync().state());
    }
  }

  private RegistrySecretsClient client(Principal principal) {
    String connection =
        workspace
            .of(principal)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "No AI API connection is chosen; choose one in Workspaces."));
    return connections.client(connection);
  }

  private static String checked(SecretForm form) {
    return form.verified() ? "; the registry accepted the credentials" : "";
  }

  private static DockerConfigInput.Normalized normalized(@Nullable String secret) {
    return DockerConfigInput.normalize(secret == null ? "" : secret);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
