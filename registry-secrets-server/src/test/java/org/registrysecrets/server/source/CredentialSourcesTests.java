package org.registrysecrets.server.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.wire.CredentialSourceRequest;

/** The request shape of each source, the sealed form, and messages that never carry a secret. */
class CredentialSourcesTests {

  private static final CredentialSources SOURCES = new CredentialSources(List.of(".azurecr.io"));
  private static final String PKCS8_PEM = pem("PRIVATE KEY", key().getEncoded());
  private static final String PKCS1_PEM =
      pem("RSA PRIVATE KEY", Arrays.copyOfRange(key().getEncoded(), 26, key().getEncoded().length));
  private static RSAPrivateKey key;

  @Test
  void parsesEachTypeAndSealsItAsJsonThatParsesBackTheSame() {
    List<CredentialSourceRequest> requests =
        List.of(
            CredentialSourceRequest.ecr(
                "eu-central-1",
                "AKIAEXAMPLEKEY000001",
                "Secret-Access-Key-1",
                "arn:aws:iam::123456789012:role/puller",
                List.of("123456789012")),
            CredentialSourceRequest.gar(
                garKey("puller@p.iam.gserviceaccount.com"), List.of("europe-docker.pkg.dev")),
            CredentialSourceRequest.acr(
                "tenant-1", "client-1", "Client-Secret-1", "team.azurecr.io"),
            CredentialSourceRequest.gitHubApp("12", "34", PKCS1_PEM, null));
    for (CredentialSourceRequest request : requests) {
      CredentialSource source = SOURCES.parse(request);
      assertThat(source.type()).isEqualTo(request.type());
      assertThat(SOURCES.fromStored(CredentialSources.toStored(source))).isEqualTo(source);
      assertThat(source.toString() + request).doesNotContain("Secret-1").doesNotContain("PRIVATE");
    }
    assertThat(((CredentialSource.GitHubApp) SOURCES.parse(requests.get(3))).registry())
        .isEqualTo("ghcr.io");
  }

  @Test
  void refusesWhatCannotWorkNamingTheField() {
    assertRefused(
        new CredentialSourceRequest(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null),
        "source.type");
    assertRefused(
        new CredentialSourceRequest(
            "ecr",
            "eu-central-1",
            "AKIAEXAMPLEKEY000001",
            "s",
            null,
            null,
            null,
            null,
            null,
            "client",
            null,
            null,
            null,
            null),
        "source.clientId does not belong to a source of type ecr");
    assertRefused(
        CredentialSourceRequest.ecr(
            "eu-central-1; rm -rf", "AKIAEXAMPLEKEY000001", "s", null, null),
        "source.region");
    assertRefused(
        CredentialSourceRequest.ecr(
            "eu-central-1", "AKIAEXAMPLEKEY000001", "s", "arn:aws:iam::1:user/x", null),
        "source.roleArn");
    assertRefused(CredentialSourceRequest.acr("t", "c", "s", "169.254.169.254"), ".azurecr.io");
    assertRefused(
        CredentialSourceRequest.gar("{\"type\":\"user\"}", List.of("gcr.io")), "service_account");
    assertRefused(CredentialSourceRequest.gar(garKey("x@y"), List.of()), "source.registries");
    assertRefused(CredentialSourceRequest.gitHubApp("12", "34", "not a key", null), "PEM");
    assertRefused(CredentialSourceRequest.gitHubApp("app", "34", PKCS1_PEM, null), "source.appId");
  }

  @Test
  void readsPkcs1AndPkcs8KeysAlike() {
    RSAPrivateKey fromPkcs1 = RsaKeys.privateKey(Plaintext.of(PKCS1_PEM), "k");
    RSAPrivateKey fromPkcs8 = RsaKeys.privateKey(Plaintext.of(PKCS8_PEM), "k");
    assertThat(fromPkcs1.getModulus()).isEqualTo(key().getModulus());
    assertThat(fromPkcs8.getPrivateExponent()).isEqualTo(fromPkcs1.getPrivateExponent());
  }

  @Test
  void aVendorsMessageLosesEveryCredentialOfTheSource() {
    CredentialSource ecr =
        SOURCES.parse(
            CredentialSourceRequest.ecr(
                "eu-central-1", "AKIAEXAMPLEKEY000001", "Secret-Access-Key-1", null, null));
    assertThat(
            CredentialExchange.scrubbed(
                ecr, "key AKIAEXAMPLEKEY000001 with Secret-Access-Key-1\nrefused\u0007"))
        .isEqualTo("key **** with **** refused");
    CredentialSource app =
        SOURCES.parse(CredentialSourceRequest.gitHubApp("12", "34", PKCS1_PEM, null));
    String line = PKCS1_PEM.split("\n")[3];
    assertThat(CredentialExchange.scrubbed(app, "bad key line " + line)).doesNotContain(line);
    assertThat(CredentialExchange.scrubbed(app, "x".repeat(1000))).hasSize(400);
  }

  private static void assertRefused(CredentialSourceRequest request, String message) {
    assertThatThrownBy(() -> SOURCES.parse(request))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  private static String garKey(String email) {
    return "{\"type\":\"service_account\",\"client_email\":\""
        + email
        + "\",\"private_key\":\""
        + PKCS8_PEM.replace("\n", "\\n")
        + "\"}";
  }

  private static synchronized RSAPrivateKey key() {
    if (key == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return key;
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
