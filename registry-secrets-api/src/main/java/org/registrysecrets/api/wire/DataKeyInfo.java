package org.registrysecrets.api.wire;

/**
 * One data key of the keyset.
 *
 * @param status {@code enabled} or {@code disabled}
 * @param primary whether new values are sealed with it
 * @param rows how many stored values it sealed
 */
public record DataKeyInfo(long id, String status, boolean primary, long rows) {}
