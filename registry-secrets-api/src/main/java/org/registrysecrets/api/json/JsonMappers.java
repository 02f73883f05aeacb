package org.registrysecrets.api.json;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builders of JSON mappers that keep their parsing and writing buffers per thread. Jackson 3 keeps
 * them by default in one concurrent deque per factory, built for virtual threads: with our 32 or
 * more platform request threads on 2 cores, taking and returning buffers there cost about 3% of a
 * patch's CPU (JFR), spinning on the deque's links. A thread-local pool costs nothing to reach.
 */
public final class JsonMappers {

  private JsonMappers() {}

  /** A builder like {@link JsonMapper#builder()}, with per-thread buffers. */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder(
        JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
  }
}
