package org.registrysecrets.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.dockerconfig.DockerConfigParser;
import org.registrysecrets.api.dockerconfig.RegistryCredential;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.server.registry.RegistryCredentialChecker;
import org.registrysecrets.server.source.CredentialExchange;
import org.registrysecrets.server.webhook.WebhookSender;
import org.springframework.transaction.annotation.Transactional;

/** Rules the module verification cannot see: where credentials, transactions and HTTP may meet. */
class ArchitectureTests {

  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.registrysecrets.server");

  private static final List<Class<?>> REMOTE_CLIENTS =
      List.of(
          RegistrySecretsClient.class,
          RegistryCredentialChecker.class,
          KubernetesClient.class,
          HttpClient.class,
          WebhookSender.class,
          CredentialExchange.class);

  @Test
  void transactionalMethodsCallNoRemoteSystem() {
    methods()
        .that()
        .areAnnotatedWith(Transactional.class)
        .or()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(Transactional.class)
        .should(callNoRemoteClient())
        .because("a database connection must not wait on another system (STYLE.md §13)")
        .check(SERVER);
  }

  /** No call to a remote client, directly or through the helper methods of the same class. */
  private static ArchCondition<JavaMethod> callNoRemoteClient() {
    return new ArchCondition<>("call no remote client, directly or through their own class") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Deque<JavaCodeUnit> pending = new ArrayDeque<>(List.of(method));
        Set<JavaCodeUnit> seen = new HashSet<>();
        while (!pending.isEmpty()) {
          JavaCodeUnit unit = pending.pop();
          if (!seen.add(unit)) {
            continue;
          }
          for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            if (REMOTE_CLIENTS.stream()
                .anyMatch(type -> call.getTargetOwner().isAssignableTo(type))) {
              events.add(SimpleConditionEvent.violated(method, call.getDescription()));
            } else if (call.getTargetOwner().equals(method.getOwner())) {
              call.getTarget().resolveMember().ifPresent(pending::push);
            }
          }
        }
      }
    };
  }

  @Test
  void onlyTheApiBoundaryParsesDockerConfigs() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..server.secret.web..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(DockerConfigParser.class)
        .because("a config is parsed once, where it arrives; everything else gets the typed value")
        .check(SERVER);
  }

  @Test
  void onlyTheRegistryCheckReadsCredentialsOutOfAConfig() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..server.registry..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(RegistryCredential.class)
        .check(SERVER);
  }

  @Test
  void storedCredentialsBecomeTextOnlyWhereTheClientLibrarySendsThem() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..server.launchpad..", "..server.source..")
        .should()
        .callMethod(Plaintext.class, "reveal")
        .because(
            "a credential in a String outlives every attempt to keep it secret; the client library"
                + " and the vendors' SDKs take them only as Strings")
        .check(SERVER);
  }

  @Test
  void theSecretRulesKnowNothingOfHttp() {
    noClasses()
        .that()
        .resideInAPackage("org.registrysecrets.server.secret")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.http..", "org.springframework.web..", "..server.http..")
        .because("the web layer maps refusals to statuses (STYLE.md §6)")
        .check(SERVER);
  }
}
