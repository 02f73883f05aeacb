package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literal text a path must start with for a pattern to match it. */
class PrefilteredHandlerMappingTests {

  @Test
  void endsAtTheFirstVariableOrWildcard() {
    assertThat(PrefilteredHandlerMapping.literalPrefix("/v2/admin/dockerRegistrySecrets"))
        .isEqualTo("/v2/admin/dockerRegistrySecrets");
    assertThat(PrefilteredHandlerMapping.literalPrefix("/v2/admin/dockerRegistrySecrets/{name}"))
        .isEqualTo("/v2/admin/dockerRegistrySecrets/");
    assertThat(PrefilteredHandlerMapping.literalPrefix("/files/img{id:[0-9]+}.png"))
        .isEqualTo("/files/img");
    assertThat(PrefilteredHandlerMapping.literalPrefix("/static/**")).isEqualTo("/static/");
    assertThat(PrefilteredHandlerMapping.literalPrefix("/a?c")).isEqualTo("/a");
    assertThat(PrefilteredHandlerMapping.literalPrefix("/{*rest}")).isEqualTo("/");
    assertThat(PrefilteredHandlerMapping.literalPrefix("")).isEmpty();
  }
}
