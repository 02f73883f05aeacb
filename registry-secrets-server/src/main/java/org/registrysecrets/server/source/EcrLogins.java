package org.registrysecrets.server.source;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Amazon ECR logins through the AWS SDK: {@code GetAuthorizationToken} signed (Signature V4) with
 * the source's access key, or with the session of the role it assumes through STS first. Each token
 * is base64 of {@code AWS:<password>} for the registry at its {@code proxyEndpoint}, valid 12
 * hours.
 */
final class EcrLogins {

  private static final String SESSION_NAME = "registry-secrets";

  private final SourceProperties properties;
  private final SdkHttpClient http;

  EcrLogins(SourceProperties properties, SdkHttpClient http) {
    this.properties = properties;
    this.http = http;
  }

  DerivedLogin login(CredentialSource.Ecr source) {
    Region region = Region.of(source.region());
    ClientOverrideConfiguration once =
        ClientOverrideConfiguration.builder()
            .apiCallTimeout(properties.timeout())
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .build();
    AwsCredentialsProvider key =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(source.accessKeyId(), source.secretAccessKey().reveal()));
    StsClient sts = null;
    StsAssumeRoleCredentialsProvider role = null;
    AwsCredentialsProvider credentials = key;
    try {
      if (source.roleArn() != null) {
        StsClientBuilder stsBuilder =
            StsClient.builder()
                .region(region)
                .credentialsProvider(key)
                .httpClient(http)
                .overrideConfiguration(once);
        if (properties.stsEndpoint() != null) {
          stsBuilder.endpointOverride(properties.stsEndpoint());
        }
        sts = stsBuilder.build();
        String roleArn = source.roleArn();
        role =
            StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(request -> request.roleArn(roleArn).roleSessionName(SESSION_NAME))
                .build();
        credentials = role;
      }
      EcrClientBuilder builder =
          EcrClient.builder()
              .region(region)
              .credentialsProvider(credentials)
              .httpClient(http)
              .overrideConfiguration(once);
      if (properties.ecrEndpoint() != null) {
        builder.endpointOverride(properties.ecrEndpoint());
      }
      try (EcrClient ecr = builder.build()) {
        GetAuthorizationTokenResponse response =
            ecr.getAuthorizationToken(
                request -> {
                  if (!source.registryIds().isEmpty()) {
                    request.registryIds(source.registryIds());
                  }
                });
        return derived(response);
      }
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String reason = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
      throw new SourceExchangeException(
          "AWS refused the request ("
              + e.statusCode()
              + (code == null ? "" : " " + code)
              + "): "
              + (reason == null ? "no explanation" : reason),
          true);
    } catch (SdkClientException e) {
      throw new SourceExchangeException("AWS could not be reached: " + e.getMessage(), false);
    } finally {
      if (role != null) {
        role.close();
      }
      if (sts != null) {
        sts.close();
      }
    }
  }

  private static DerivedLogin derived(GetAuthorizationTokenResponse response) {
    List<DockerConfigJson.Login> logins = new ArrayList<>();
    Instant expiresAt = null;
    for (AuthorizationData data : response.authorizationData()) {
      String decoded =
          new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0 || data.proxyEndpoint() == null || data.expiresAt() == null) {
        throw new SourceExchangeException(
            "AWS answered with an authorization token that is not user:password", true);
      }
      String endpoint = data.proxyEndpoint();
      String registry = endpoint.substring(endpoint.indexOf("://") + 3);
      logins.add(
          new DockerConfigJson.Login(
              registry, decoded.substring(0, colon), Plaintext.of(decoded.substring(colon + 1))));
      if (expiresAt == null || data.expiresAt().isBefore(expiresAt)) {
        expiresAt = data.expiresAt();
      }
    }
    if (logins.isEmpty() || expiresAt == null) {
      throw new SourceExchangeException("AWS answered without an authorization token", true);
    }
    return new DerivedLogin(DockerConfigJson.ofLogins(logins), expiresAt);
  }
}
