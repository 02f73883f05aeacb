package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** Our one-pass reader of bearer tokens decides exactly as Spring Security's default does. */
class BearerTokenHeaderTests {

  private final BearerTokenHeader ours = new BearerTokenHeader();
  private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer abc.def-ghi_jkl~mno+pqr/stu==",
        "bearer abc",
        "BEARER abc",
        "Bearer ",
        "Bearer",
        "Bearer  abc",
        "Bearer abc def",
        "Bearer ==",
        "Bearer abc=d",
        "Bearer abc\u00e9",
        "Bearer\tabc",
        "Bearerabc",
        "Basic dXNlcjpwYXNz",
        "Token abc",
        "",
        " Bearer abc"
      })
  void decidesLikeSpringSecurity(String authorization) {
    assertThat(outcome(ours, authorization)).isEqualTo(outcome(spring, authorization));
  }

  @Test
  void decidesLikeSpringSecurityOnRandomHeaders() {
    String alphabet = "aZ09-._~+/= \t\u00e9;,\"bB";
    Random random = new Random(16);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "bearer" : "Bearer ");
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        header.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String authorization = header.toString();
      assertThat(outcome(ours, authorization))
          .as(authorization)
          .isEqualTo(outcome(spring, authorization));
    }
  }

  @Test
  void noHeaderNoToken() {
    assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
  }

  @Test
  void aMalformedTokenIsRefusedAsInvalid() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer a b");
    assertThatThrownBy(() -> ours.resolve(request))
        .isInstanceOfSatisfying(
            OAuth2AuthenticationException.class,
            e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token"));
  }

  /** The token, "none", or the error code and description a resolver answers with. */
  private static String outcome(
      org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
      String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", authorization);
    try {
      @Nullable String token = resolver.resolve(request);
      return token == null ? "none" : "token " + token;
    } catch (OAuth2AuthenticationException e) {
      return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
    }
  }
}
