package org.registrysecrets.server.http;

/** Token buckets by name, all with the same rate and burst. */
interface TokenBuckets {

  /**
   * Takes {@code wanted} tokens from the named bucket if it has that many, else one if it has one;
   * returns how many it took.
   */
  int take(String bucket, int wanted, long nowMillis);
}
