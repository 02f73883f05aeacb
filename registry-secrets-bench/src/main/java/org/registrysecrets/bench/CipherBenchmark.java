package org.registrysecrets.bench;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Sealing and opening a secret the way the server does: Tink AES-256-GCM with associated data. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@SuppressWarnings("NullAway.Init") // JMH calls setUp() before any benchmark method
public class CipherBenchmark {

  @Param({"1024", "10240"})
  public int size;

  private Aead aead;
  private byte[] plaintext;
  private byte[] ciphertext;
  private final byte[] associatedData =
      "registry-secrets/docker-config/v1|tenant|name".getBytes(StandardCharsets.UTF_8);

  @Setup
  @SuppressWarnings("NullAway.Init")
  public void setUp() throws GeneralSecurityException {
    AeadConfig.register();
    aead =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    plaintext = new byte[size];
    Arrays.fill(plaintext, (byte) 'x');
    ciphertext = aead.encrypt(plaintext, associatedData);
  }

  @Benchmark
  public byte[] seal() throws GeneralSecurityException {
    return aead.encrypt(plaintext, associatedData);
  }

  @Benchmark
  public byte[] open() throws GeneralSecurityException {
    return aead.decrypt(ciphertext, associatedData);
  }
}
