package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Instants are written exactly as Jackson writes them by default, for any instant. */
class IsoInstantSerializerTests {

  private static final JsonMapper JACKSON = JsonMapper.builder().build();
  private static final JsonMapper OURS =
      JsonMapper.builder()
          .addModule(new SimpleModule().addSerializer(new IsoInstantSerializer()))
          .build();

  @Test
  void writesWhatJacksonWrites() {
    List<Instant> instants =
        new ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(0, 1),
                Instant.ofEpochSecond(59, 999_999_999),
                Instant.ofEpochSecond(86_399, 1_000),
                Instant.ofEpochSecond(86_400, 10_000_000),
                Instant.parse("2026-12-07T06:10:54.493800Z"),
                Instant.parse("2000-02-29T12:00:00.120Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(-1, 500),
                Instant.MIN,
                Instant.MAX));
    Random random = new Random(16);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(-100_000_000_000L, 400_000_000_000L);
      int nanos =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      instants.add(Instant.ofEpochSecond(seconds, nanos));
    }
    for (Instant instant : instants) {
      assertThat(OURS.writeValueAsString(instant))
          .as("%s", instant)
          .isEqualTo(JACKSON.writeValueAsString(instant));
    }
  }
}
