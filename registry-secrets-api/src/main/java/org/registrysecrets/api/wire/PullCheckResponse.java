package org.registrysecrets.api.wire;

import java.util.List;

/** Answer of a pull check: one result per image, in the order asked. */
public record PullCheckResponse(List<PullCheckResult> results) {

  public PullCheckResponse {
    results = List.copyOf(results);
  }
}
