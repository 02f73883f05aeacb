package org.registrysecrets.server;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.registrysecrets.server.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs}: AI Core's calls, bearer-token secured. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // The caller is resolved from the token, not sent by the client.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI registrySecretsOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Registry Secrets API")
                .description(
                    "SAP AI Core-compatible Docker registry secrets (/v2/admin/dockerRegistrySecrets)"
                        + " and service key management (/platform/v1/service-keys).")
                .version("v2")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
