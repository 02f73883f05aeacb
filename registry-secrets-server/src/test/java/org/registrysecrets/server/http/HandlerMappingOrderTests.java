package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.DispatcherServlet;

/** Our mappings are asked first; the actuator still answers under /actuator. */
class HandlerMappingOrderTests extends ServerTestBase {

  @Autowired DispatcherServlet dispatcher;

  @Test
  void asksOurMappingsBeforeTheActuators() {
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/liveness", null).body()).contains("UP");

    assertThat(dispatcher.getHandlerMappings()).isNotNull();
    assertThat(dispatcher.getHandlerMappings().get(0))
        .isInstanceOf(PrefilteredHandlerMapping.class);
  }
}
