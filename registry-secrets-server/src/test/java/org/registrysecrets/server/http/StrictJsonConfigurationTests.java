package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonConfigurationTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
          .withUserConfiguration(StrictJsonConfiguration.class);

  @Test
  void theMapperOfHttpMessagesKeepsItsBuffersPerThreadAndStillReadsStrictly() {
    context.run(
        beans -> {
          JsonMapper mapper = beans.getBean(JsonMapper.class);

          assertThat(mapper.tokenStreamFactory()._getRecyclerPool())
              .isSameAs(JsonRecyclerPools.threadLocalPool());
          assertThatThrownBy(() -> mapper.readValue("{\"a\":1,\"a\":2}", Map.class))
              .isInstanceOf(StreamReadException.class)
              .hasMessageContaining("Duplicate Object property \"a\"");
        });
  }
}
