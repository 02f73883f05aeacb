package org.registrysecrets.server.secret;

/**
 * Which part of a tenant's secrets a list call wants, in name order ({@code $top}, {@code $skip},
 * {@code $count}).
 *
 * @param top at most this many
 * @param skip after skipping this many
 * @param countTotal whether the total number is wanted too
 */
public record Paging(int top, long skip, boolean countTotal) {

  /** Every secret, without counting them separately. */
  public static final Paging ALL = new Paging(Integer.MAX_VALUE, 0, false);

  public Paging {
    if (top < 0 || skip < 0) {
      throw new IllegalArgumentException("top and skip must not be negative");
    }
  }
}
