package org.registrysecrets.server.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.server.instance.DataDirectory;
import org.registrysecrets.server.tenant.TenantId;

/**
 * Short fingerprints of a secret's content: equal credentials of one tenant get equal fingerprints,
 * so versions can be told apart and matched without showing anything, and nobody without the key
 * can test a guess. HMAC-SHA256 with a per-tenant key derived from a key in the data folder ({@code
 * fingerprint.key}, owner-only).
 */
public final class ContentFingerprints {

  static final String FILE = "fingerprint.key";
  private static final String HMAC = "HmacSHA256";

  private final byte[] key;

  private ContentFingerprints(byte[] key) {
    this.key = key.clone();
  }

  public static ContentFingerprints loadOrCreate(DataDirectory data) {
    byte[] key = data.readIfExists(FILE);
    if (key == null || key.length < 32) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      data.writeOwnerOnly(FILE, key);
    }
    return new ContentFingerprints(key);
  }

  /** 16 hex characters (64 bits) of the tenant-keyed HMAC of the config's bytes. */
  public String of(TenantId tenant, DockerConfigJson config) {
    byte[] tenantKey = hmac(key, ("tenant:" + tenant.value()).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hmac(tenantKey, config.utf8()), 0, 8);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
