package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.DockerRegistrySecretCreationRequest;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

class SpreadingConstructorsTests {

  private static final JsonMapper JACKSON = JsonMapper.builder().build();
  private static final JsonMapper OURS =
      JsonMapper.builder().addModule(new SpreadingConstructors()).build();

  /** Remembers how its constructor was called. */
  record Traced(String name, int count, List<String> tags) {
    static final ThreadLocal<String> CALLER = new ThreadLocal<>();

    Traced {
      CALLER.set(Arrays.toString(new Throwable().getStackTrace()));
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }

  private static final String TRACED = "{\"name\":\"a\",\"count\":2,\"tags\":[\"x\",\"y\"]}";

  @Test
  void buildsRecordsAsJacksonDoesWithoutAdaptingTheHandleOnEveryCall() {
    Traced jacksons = JACKSON.readValue(TRACED, Traced.class);
    assertThat(Traced.CALLER.get()).contains("invokeWithArguments");

    Traced ours = OURS.readValue(TRACED, Traced.class);

    assertThat(ours).isEqualTo(jacksons).isEqualTo(new Traced("a", 2, List.of("x", "y")));
    assertThat(Traced.CALLER.get())
        .contains(SpreadingConstructors.class.getName())
        .doesNotContain("invokeWithArguments");
  }

  @Test
  void reportsAConstructorsRefusalAsJacksonDoes() {
    String negative = "{\"name\":\"a\",\"count\":-1,\"tags\":[]}";
    Throwable jacksons = catchThrowable(JACKSON, negative);

    assertThatThrownBy(() -> OURS.readValue(negative, Traced.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessage(jacksons.getMessage())
        .hasRootCauseMessage("count must not be negative");
  }

  @Test
  void readsTheApisBodies() {
    String body = "{\"name\":\"s\",\"data\":{\".dockerconfigjson\":\"{}\"},\"x-regsecrets\":null}";

    assertThat(OURS.readValue(body, DockerRegistrySecretCreationRequest.class))
        .isEqualTo(JACKSON.readValue(body, DockerRegistrySecretCreationRequest.class));
  }

  private static Throwable catchThrowable(JsonMapper mapper, String json) {
    try {
      mapper.readValue(json, Traced.class);
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("Jackson accepted " + json);
  }
}
