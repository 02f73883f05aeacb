package org.registrysecrets.server.launchpad.secrets;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.dockerconfig.DockerConfigInput;
import org.registrysecrets.api.wire.AuditEventInfo;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.DockerRegistrySecretExpiry;
import org.registrysecrets.api.wire.DockerRegistrySecretList;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import org.registrysecrets.api.wire.DockerRegistrySecretRecheck;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.api.wire.SecretVersionInfo;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.LaunchpadAuditEvent;
import org.registrysecrets.server.audit.LaunchpadAuditLog;
import org.registrysecrets.server.launchpad.Dialogs;
import org.registrysecrets.server.launchpad.FieldProblem;
import org.registrysecrets.server.launchpad.RemoteErrors;
import org.registrysecrets.server.launchpad.connections.ActingClient;
import org.registrysecrets.server.launchpad.connections.ConnectionService;
import org.registrysecrets.server.launchpad.connections.CurrentWorkspace;
import org.registrysecrets.server.security.Caller;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
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
  private static final int HISTORY = 50;

  private final CurrentWorkspace workspace;
  private final LaunchpadAuditLog launchpadAudit;
  private final MessageSource messages;

  SecretsController(
      CurrentWorkspace workspace, LaunchpadAuditLog launchpadAudit, MessageSource messages) {
    this.workspace = workspace;
    this.launchpadAudit = launchpadAudit;
    this.messages = messages;
  }

  @GetMapping
  String page(@RequestParam(defaultValue = "") String filter, Authentication person, Model model) {
    model.addAttribute("filter", filter);
    model.addAttribute("oob", false);
    addTiles(filter, person, model);
    return "launchpad/secrets";
  }

  @GetMapping("/tiles")
  String tiles(@RequestParam(defaultValue = "") String filter, Authentication person, Model model) {
    // the heading's count and the Add button change with the tiles
    model.addAttribute("oob", true);
    addTiles(filter, person, model);
    return "launchpad/secrets :: tiles";
  }

  /** The Add dialog's name, as it is typed: what is wrong with it, or that it is valid and free. */
  @GetMapping("/name-check")
  String nameCheck(
      @RequestParam(defaultValue = "") String name,
      Authentication person,
      Locale locale,
      Model model) {
    model.addAttribute("problem", name.isEmpty() ? null : nameProblem(name, person, locale));
    model.addAttribute("checked", !name.isEmpty());
    return "launchpad/secret-dialog :: name-hint";
  }

  private @Nullable String nameProblem(String name, Authentication person, Locale locale) {
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      return messages.getMessage("lp.secret.nameUppercase", null, locale);
    }
    String problem = SecretName.problemWith(name);
    if (problem != null) {
      return problem;
    }
    try {
      client(person).api().get(name);
      return messages.getMessage("lp.secret.nameTaken", new Object[] {name}, locale);
    } catch (ApiException e) {
      return null; // 404: free; anything else is said when the dialog is submitted
    } catch (RuntimeException e) {
      return RemoteErrors.describe(e);
    }
  }

  @GetMapping("/add")
  String addDialog(Model model) {
    model.addAttribute("mode", "add");
    model.addAttribute("secretName", "");
    model.addAttribute("currentRecheck", null);
    model.addAttribute("kinds", SecretForm.KINDS);
    model.addAttribute("kind", SecretForm.DOCKER);
    return "launchpad/secret-dialog :: dialog";
  }

  @PostMapping("/add")
  String add(
      @ModelAttribute SecretForm form,
      Authentication person,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    String name = form.name() == null ? "" : form.name().strip();
    return Dialogs.submitWithWarnings(
        () -> {
          FieldProblem.of("secret-name", () -> SecretName.of(name));
          CredentialSourceRequest source = FieldProblem.of("secret-kind", form::source);
          ActingClient client = client(person);
          if (source != null) {
            DockerRegistrySecretChangeResponse created =
                audited(
                    client,
                    person,
                    "create",
                    name,
                    () ->
                        client
                            .api()
                            .create(name, source, form.verifyMode(), form.recheckInterval()));
            return new Dialogs.Done(
                success(client, form, "lp.secret.added", name, locale), created.warnings());
          }
          DockerConfigInput.Normalized input = normalized(form.secret());
          DockerRegistrySecretChangeResponse created =
              audited(
                  client,
                  person,
                  "create",
                  name,
                  () ->
                      client
                          .api()
                          .create(
                              name,
                              input.dockerConfigJson(),
                              form.verifyMode(),
                              form.expiresAt(),
                              form.recheckInterval()));
          return new Dialogs.Done(
              success(client, form, "lp.secret.added", name, locale),
              concat(input.warnings(), created.warnings()));
        },
        CHANGED,
        model,
        response);
  }

  @GetMapping("/{name}/edit")
  String editDialog(@PathVariable String name, Authentication person, Model model) {
    model.addAttribute("mode", "edit");
    model.addAttribute("secretName", SecretName.of(name).value());
    DockerRegistrySecretMetadata secret = addUsage(person, name, model);
    model.addAttribute("kinds", SecretForm.KINDS);
    model.addAttribute(
        "kind", secret.source() == null ? SecretForm.DOCKER : secret.source().type());
    DockerRegistrySecretRecheck recheck = secret.recheck();
    model.addAttribute(
        "currentRecheck",
        recheck == null ? "never" : SecretTile.recheckText(recheck).toLowerCase(Locale.ROOT));
    return "launchpad/secret-dialog :: dialog";
  }

  @PostMapping("/{name}/edit")
  String edit(
      @PathVariable String name,
      @ModelAttribute SecretForm form,
      Authentication person,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    return Dialogs.submitWithWarnings(
        () -> {
          CredentialSourceRequest source = FieldProblem.of("secret-kind", form::source);
          ActingClient client = client(person);
          String secretName = SecretName.of(name).value();
          if (source != null) {
            DockerRegistrySecretChangeResponse modified =
                audited(
                    client,
                    person,
                    "modify",
                    secretName,
                    () ->
                        client
                            .api()
                            .modify(
                                secretName,
                                source,
                                null,
                                form.verifyMode(),
                                form.recheckInterval()));
            return new Dialogs.Done(
                success(client, form, "lp.secret.edited", secretName, locale), modified.warnings());
          }
          DockerConfigInput.Normalized input = normalized(form.secret());
          DockerRegistrySecretChangeResponse modified =
              audited(
                  client,
                  person,
                  "modify",
                  secretName,
                  () ->
                      client
                          .api()
                          .modify(
                              secretName,
                              input.dockerConfigJson(),
                              null,
                              form.verifyMode(),
                              form.expiresAt(),
                              form.recheckInterval()));
          return new Dialogs.Done(
              success(client, form, "lp.secret.edited", secretName, locale),
              concat(input.warnings(), modified.warnings()));
        },
        CHANGED,
        model,
        response);
  }

  @GetMapping("/{name}/remove")
  String removeDialog(@PathVariable String name, Authentication person, Model model) {
    model.addAttribute("secretName", SecretName.of(name).value());
    addUsage(person, name, model);
    return "launchpad/secret-remove-dialog :: dialog";
  }

  /** *Check an image*: asks the registries whether images could be pulled with the secret. */
  @GetMapping("/{name}/pull-check")
  String pullCheckDialog(@PathVariable String name, Authentication person, Model model) {
    model.addAttribute("secretName", SecretName.of(name).value());
    DockerRegistrySecretSync sync = usage(person, name);
    model.addAttribute("imagesText", sync == null ? "" : String.join("\n", sync.images()));
    return "launchpad/secret-pull-check :: dialog";
  }

  @PostMapping("/{name}/pull-check")
  String pullCheck(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String images,
      @RequestParam(defaultValue = "false") boolean fromWorkloads,
      Authentication person,
      Model model) {
    List<String> references =
        images.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    try {
      model.addAttribute(
          "results",
          client(person)
              .api()
              .pullCheck(SecretName.of(name).value(), references, fromWorkloads)
              .results());
    } catch (RuntimeException e) {
      String message = RemoteErrors.describe(e);
      if (message == null) {
        throw e;
      }
      model.addAttribute("errors", List.of(message));
    }
    return "launchpad/secret-pull-check :: results";
  }

  @PostMapping("/{name}/remove")
  String remove(
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String confirm,
      Authentication person,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    return Dialogs.submit(
        () -> {
          if (!usedBy(person, name).isEmpty() && !"true".equals(confirm)) {
            throw new InvalidInputException(
                "The secret is still in use; confirm that its users may stop working.");
          }
          ActingClient client = client(person);
          String secretName = SecretName.of(name).value();
          audited(
              client, person, "delete", secretName, () -> client.api().delete(secretName, null));
        },
        messages.getMessage("lp.secret.removed", new Object[] {name}, locale),
        CHANGED,
        model,
        response);
  }

  /** The secret's history: when, who, what and how it ended; never data. */
  @GetMapping("/{name}/history")
  String history(@PathVariable String name, Authentication person, Model model) {
    String secretName = SecretName.of(name).value();
    List<HistoryRow> rows = List.of();
    String error = null;
    ActingClient client = client(person);
    try {
      rows =
          client.personal()
              ? client
                  .api()
                  .auditEvents(secretName, null, null, null, HISTORY, 0)
                  .resources()
                  .stream()
                  .map(HistoryRow::of)
                  .toList()
              : launchpadAudit.ofSecret(client.connection(), secretName, HISTORY).stream()
                  .map(HistoryRow::of)
                  .toList();
    } catch (RuntimeException e) {
      error = RemoteErrors.describe(e);
      if (error == null) {
        throw e;
      }
    }
    List<VersionRow> versions = List.of();
    String versionsError = null;
    try {
      versions =
          client.api().versions(secretName).resources().stream().map(VersionRow::of).toList();
    } catch (RuntimeException e) {
      versionsError = RemoteErrors.describe(e);
      if (versionsError == null) {
        throw e;
      }
    }
    model.addAttribute("secretName", secretName);
    model.addAttribute("personal", client.personal());
    model.addAttribute("connection", client.connection());
    model.addAttribute("rows", rows);
    model.addAttribute("historyError", error);
    model.addAttribute("versions", versions);
    model.addAttribute("versionsError", versionsError);
    return "launchpad/secret-history :: dialog";
  }

  /** *Restore*: a kept version's content becomes the newest version. */
  @PostMapping("/{name}/versions/{version}/restore")
  String restore(
      @PathVariable String name,
      @PathVariable long version,
      Authentication person,
      Model model,
      HttpServletResponse response) {
    String secretName = SecretName.of(name).value();
    return Dialogs.submit(
        () -> {
          ActingClient client = client(person);
          audited(
              client,
              person,
              "restore",
              secretName,
              () -> client.api().restore(secretName, version, null));
        },
        "Docker registry secret " + secretName + " restored to version " + version + ".",
        CHANGED,
        model,
        response);
  }

  private void addTiles(String filter, Authentication person, Model model) {
    List<SecretTile> secrets = List.of();
    long total = 0;
    long maxCount = Long.MAX_VALUE;
    String error = null;
    try {
      ActingClient client = client(person);
      DockerRegistrySecretList list = client.api().list(null, null, true);
      total = list.count();
      maxCount = client.api().quota().quota().maxCount();
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
    model.addAttribute("shown", secrets.size());
    model.addAttribute("total", total);
    model.addAttribute("maxCount", maxCount);
    model.addAttribute("quotaFull", total >= maxCount);
    model.addAttribute("listError", error);
  }

  /**
   * Where the secret stands in the cluster, when the server syncs to Kubernetes: who pulls with it
   * and which images.
   */
  private @Nullable DockerRegistrySecretSync usage(Authentication person, String name) {
    return metadata(person, name).sync();
  }

  private DockerRegistrySecretMetadata metadata(Authentication person, String name) {
    return client(person).api().get(SecretName.of(name).value()).value();
  }

  private List<String> usedBy(Authentication person, String name) {
    DockerRegistrySecretSync sync = usage(person, name);
    return sync == null ? List.of() : sync.usedBy();
  }

  /** Adds who uses the secret and which images; returns the secret's metadata. */
  private DockerRegistrySecretMetadata addUsage(Authentication person, String name, Model model) {
    DockerRegistrySecretMetadata secret = metadata(person, name);
    DockerRegistrySecretSync sync = secret.sync();
    model.addAttribute("usedBy", sync == null ? List.of() : sync.usedBy());
    model.addAttribute("workloadImages", sync == null ? List.of() : sync.images());
    return secret;
  }

  /** One kept version: never its content. */
  record VersionRow(
      long version,
      Instant when,
      String who,
      String registries,
      String fingerprint,
      boolean current) {

    static VersionRow of(SecretVersionInfo version) {
      return new VersionRow(
          version.version(),
          version.createdAt(),
          version.actor(),
          String.join(", ", version.registries()),
          version.fingerprint(),
          version.current());
    }
  }

  /** One line of a secret's history. */
  record HistoryRow(Instant when, String who, String what, String outcome) {

    static HistoryRow of(AuditEventInfo event) {
      String who =
          event.actor()
              + (ConnectionService.LAUNCHPAD_ORIGIN.equals(event.origin())
                  ? " (Launchpad)"
                  : Caller.API.equals(event.origin())
                      ? " (service key)"
                      : " (" + event.origin() + ")");
      return new HistoryRow(event.occurredAt(), who, event.action(), event.outcome());
    }

    static HistoryRow of(LaunchpadAuditEvent event) {
      return new HistoryRow(
          event.occurredAt(), event.username() + " (Launchpad)", event.action(), event.outcome());
    }
  }

  /**
   * What a tile shows: the name and harmless metadata. Times are ISO instants; the browser shows
   * them in the reader's language and time zone.
   *
   * @param expiresAt when the credentials expire, when known
   * @param expiryState {@code ok}, {@code expiring} or {@code expired}, when known
   * @param recheck e.g. "Re-checked every day", or "Registry refuses the credentials"
   * @param recheckState {@code passing}, {@code failing}, {@code inconclusive} or {@code pending}
   * @param checkWarning whether the last registry check reached no conclusion or was refused
   * @param source the credential source's type, when the server renews the logins
   * @param sourceState {@code ok} or {@code failing}, with a source
   */
  record SecretTile(
      String name,
      String registries,
      Instant modifiedAt,
      @Nullable String sync,
      @Nullable Instant expiresAt,
      @Nullable String expiryState,
      @Nullable String recheck,
      @Nullable String recheckState,
      boolean checkWarning,
      @Nullable String source,
      @Nullable String sourceState) {

    static SecretTile of(DockerRegistrySecretMetadata secret) {
      DockerRegistrySecretExpiry expiry = secret.expiry();
      return new SecretTile(
          secret.name(),
          String.join(", ", secret.registries()),
          secret.modifiedAt(),
          secret.sync() == null ? null : secret.sync().state(),
          expiry == null ? null : expiry.expiresAt(),
          expiry == null ? null : expiry.state(),
          secret.recheck() == null ? null : recheckText(secret.recheck()),
          secret.recheck() == null
              ? null
              : Objects.requireNonNullElse(secret.recheck().state(), "pending"),
          secret.verification() != null && !secret.verification().acceptable(),
          secret.source() == null ? null : secret.source().type(),
          secret.source() == null ? null : secret.source().state());
    }

    /** How often, in words, and what the last re-check found. */
    static String recheckText(DockerRegistrySecretRecheck recheck) {
      if (DockerRegistrySecretRecheck.FAILING.equals(recheck.state())) {
        return "Registry refuses the credentials";
      }
      Duration every = Duration.parse(recheck.every());
      String often =
          every.equals(Duration.ofDays(1))
              ? "every day"
              : every.equals(Duration.ofDays(7))
                  ? "every week"
                  : every.toMinutes() % (24 * 60) == 0
                      ? "every " + every.toDays() + " days"
                      : every.toMinutes() % 60 == 0
                          ? "every " + every.toHours() + " hours"
                          : "every " + every.toMinutes() + " minutes";
      return DockerRegistrySecretRecheck.INCONCLUSIVE.equals(recheck.state())
          ? "Re-check inconclusive (" + often + ")"
          : "Re-checked " + often;
    }
  }

  /**
   * Runs a change; on a remote connection, whose server sees only the service key, the Launchpad
   * records the person, the change and how it ended. On the built-in connection the API records the
   * person itself.
   */
  private <T> T audited(
      ActingClient client, Authentication person, String action, String secret, Supplier<T> call) {
    if (client.personal()) {
      return call.get();
    }
    String outcome = AuditEvent.SUCCESS;
    try {
      return call.get();
    } catch (ApiException e) {
      outcome = e.code();
      throw e;
    } catch (RuntimeException e) {
      outcome = "unanswered";
      throw e;
    } finally {
      launchpadAudit.record(
          new LaunchpadAuditEvent(
              Instant.now(), person.getName(), client.connection(), action, secret, outcome));
    }
  }

  private ActingClient client(Authentication person) {
    return workspace.client(person);
  }

  /**
   * "Added.", or "Added; the registry accepted the credentials." when a check passed (an advisory
   * check may have stored the secret without a conclusion; the warnings say so).
   */
  private String success(
      ActingClient client, SecretForm form, String key, String name, Locale locale) {
    boolean accepted = false;
    if (form.verifyMode() != VerifyMode.OFF) {
      RegistryVerification verification = client.api().get(name).value().verification();
      accepted = verification != null && verification.acceptable();
    }
    return messages.getMessage(key + (accepted ? "Checked" : ""), new Object[] {name}, locale);
  }

  private static DockerConfigInput.Normalized normalized(@Nullable String secret) {
    return FieldProblem.of(
        "secret-value", () -> DockerConfigInput.normalize(secret == null ? "" : secret));
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
