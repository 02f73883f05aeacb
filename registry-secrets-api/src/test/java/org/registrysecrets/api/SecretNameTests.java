package org.registrysecrets.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SecretNameTests {

  /** AI Core's rule, used here only as the oracle on short inputs. */
  private static final Pattern SAP_RULE =
      Pattern.compile("^[a-z0-9](?:_?[a-z0-9\\.\\-]+)*[a-z0-9]$");

  @Property(tries = 3000)
  void agreesWithSapsPatternOnNameLikeStrings(@ForAll("nameLike") String candidate) {
    boolean expected = candidate.length() <= 63 && SAP_RULE.matcher(candidate).matches();

    assertThat(SecretName.isValid(candidate)).as(candidate).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void agreesWithSapsPatternOnAnyShortString(@ForAll @StringLength(max = 70) String candidate) {
    boolean expected = candidate.length() <= 63 && SAP_RULE.matcher(candidate).matches();

    assertThat(SecretName.isValid(candidate)).isEqualTo(expected);
  }

  @Property
  void explainsEveryRefusal(@ForAll("nameLike") String candidate) {
    if (!SecretName.isValid(candidate)) {
      assertThatThrownBy(() -> SecretName.of(candidate))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("name");
    }
  }

  @Provide
  Arbitrary<String> nameLike() {
    return Arbitraries.strings().withChars("ab09.-_A ").ofMinLength(0).ofMaxLength(66);
  }

  @Test
  void acceptsDocumentedExamples() {
    for (String name :
        new String[] {"ab", "my-secret", "a.b-c", "a_bc", "x1_y.z-2", "0" + "a".repeat(62)}) {
      assertThat(SecretName.of(name).value()).isEqualTo(name);
    }
  }

  @Test
  void refusesWithAReason() {
    assertThatThrownBy(() -> SecretName.of("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> SecretName.of("a".repeat(64))).hasMessageContaining("at most 63");
    assertThatThrownBy(() -> SecretName.of("-ab")).hasMessageContaining("start and end");
    assertThatThrownBy(() -> SecretName.of("a_b")).hasMessageContaining("'_'");
    assertThatThrownBy(() -> SecretName.of("a__bc")).hasMessageContaining("'_'");
    assertThatThrownBy(() -> SecretName.of("aBc")).hasMessageContaining("position 2");
  }

  @Test
  void checksAHugeInputInLinearTime() {
    String hostile = "a" + "_a".repeat(500_000) + "!";

    assertThat(SecretName.isValid(hostile)).isFalse();
  }
}
