package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.http.PrefilteredHandlerMapping.LiteralEnds;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The literal text a path must start and end with for a pattern to match it. */
class PrefilteredHandlerMappingTests {

  private static final List<String> PATTERNS =
      List.of(
          "/v2/admin/dockerRegistrySecrets",
          "/v2/admin/dockerRegistrySecrets/{name}",
          "/v2/admin/dockerRegistrySecrets/{name}/versions",
          "/v2/admin/dockerRegistrySecrets/{name}/versions/{version}/restore",
          "/files/img{id:[0-9]+}.png",
          "/files/{name:[a-z]{2,3}}",
          "/static/**",
          "/static/*",
          "/static/*.css",
          "/a?c",
          "/{*rest}",
          "/docs/{*rest}",
          "/",
          "");

  private static final List<String> PATHS =
      List.of(
          "/v2/admin/dockerRegistrySecrets",
          "/v2/admin/dockerRegistrySecrets/",
          "/v2/admin/dockerRegistrySecrets/seed-42",
          "/v2/admin/dockerRegistrySecrets/seed-42/",
          "/v2/admin/dockerRegistrySecrets/seed-42/versions",
          "/v2/admin/dockerRegistrySecrets/versions",
          "/v2/admin/dockerRegistrySecrets/seed-42/versions/3/restore",
          "/v2/admin/dockerRegistrySecrets//versions",
          "/files/img42.png",
          "/files/img.png",
          "/files/ab",
          "/files/abcd",
          "/static",
          "/static/",
          "/static/app.css",
          "/static/css/app.css",
          "/abc",
          "/ac",
          "/docs",
          "/docs/",
          "/docs/a/b",
          "/",
          "");

  @Test
  void refusesNoPathThatSpringMatches() {
    for (String pattern : PATTERNS) {
      PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
      LiteralEnds ends = LiteralEnds.of(pattern);
      for (String path : PATHS) {
        if (parsed.matches(PathContainer.parsePath(path))) {
          assertThat(ends.mayMatch(path)).as("%s matches %s", pattern, path).isTrue();
        }
      }
    }
  }

  @Test
  void keepsAReadOfOneSecretFromTheOtherSecretPaths() {
    String read = "/v2/admin/dockerRegistrySecrets/seed-42";
    assertThat(LiteralEnds.of("/v2/admin/dockerRegistrySecrets").mayMatch(read)).isFalse();
    assertThat(LiteralEnds.of("/v2/admin/dockerRegistrySecrets/{name}/versions").mayMatch(read))
        .isFalse();
    assertThat(LiteralEnds.of("/v2/admin/dockerRegistrySecrets/{name}").mayMatch(read)).isTrue();
    assertThat(
            LiteralEnds.of("/v2/admin/dockerRegistrySecrets/{name}")
                .mayMatch("/v2/admin/dockerRegistrySecrets"))
        .isFalse();
  }

  @Test
  void readsTheLiteralEnds() {
    assertThat(LiteralEnds.of("/v2/admin/dockerRegistrySecrets"))
        .isEqualTo(new LiteralEnds("/v2/admin/dockerRegistrySecrets", "", true));
    assertThat(LiteralEnds.of("/v2/admin/dockerRegistrySecrets/{name}/versions"))
        .isEqualTo(new LiteralEnds("/v2/admin/dockerRegistrySecrets/", "/versions", false));
    assertThat(LiteralEnds.of("/files/img{id:[0-9]+}.png"))
        .isEqualTo(new LiteralEnds("/files/img", ".png", false));
    assertThat(LiteralEnds.of("/static/**")).isEqualTo(new LiteralEnds("/static", "", false));
    assertThat(LiteralEnds.of("/{*rest}")).isEqualTo(new LiteralEnds("", "", false));
    assertThat(LiteralEnds.of("/a?c")).isEqualTo(new LiteralEnds("/a", "c", false));
    assertThat(LiteralEnds.of("")).isEqualTo(new LiteralEnds("", "", true));
  }
}
