package org.registrysecrets.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.dockerconfig.RegistryKey;

/** References resolve as {@code docker pull} resolves them; keys match as the kubelet matches. */
class ImageReferenceTests {

  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void resolvesDockerHubShortNamesAsDockerDoes() {
    assertThat(ImageReference.parse("python"))
        .isEqualTo(new ImageReference("docker.io", "library/python", "latest", null));
    assertThat(ImageReference.parse("python:3.12-slim"))
        .isEqualTo(new ImageReference("docker.io", "library/python", "3.12-slim", null));
    assertThat(ImageReference.parse("pytorch/pytorch"))
        .isEqualTo(new ImageReference("docker.io", "pytorch/pytorch", "latest", null));
    assertThat(ImageReference.parse("docker.io/ubuntu").repository()).isEqualTo("library/ubuntu");
    assertThat(ImageReference.parse("index.docker.io/nvidia/cuda:12.4").registry())
        .isEqualTo("docker.io");
  }

  @Test
  void readsRegistriesPortsTagsAndDigests() {
    assertThat(ImageReference.parse("ghcr.io/org/trainer:1.4"))
        .isEqualTo(new ImageReference("ghcr.io", "org/trainer", "1.4", null));
    assertThat(ImageReference.parse("localhost:5000/serve"))
        .isEqualTo(new ImageReference("localhost:5000", "serve", "latest", null));
    assertThat(ImageReference.parse("localhost/serve").registry()).isEqualTo("localhost");
    ImageReference pinned = ImageReference.parse("Registry.Example.com/team/serve@" + DIGEST);
    assertThat(pinned)
        .isEqualTo(new ImageReference("registry.example.com", "team/serve", null, DIGEST));
    assertThat(pinned.manifestReference()).isEqualTo(DIGEST);
    assertThat(ImageReference.parse("r.io/a/b:v1@" + DIGEST).manifestReference()).isEqualTo(DIGEST);
  }

  @Test
  void refusesWhatDockerRefuses() {
    for (String bad :
        new String[] {
          "", "Python", "ghcr.io/Org/x", "ghcr.io/org/x:", "x:-tag", "x@sha256:zz", "a//b", "-a/b"
        }) {
      assertThatThrownBy(() -> ImageReference.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("The image reference");
    }
  }

  @Test
  void matchesKeysAsTheKubeletDoes() {
    ImageReference image = ImageReference.parse("registry.example.com/team/serve:1");

    assertThat(image.match(RegistryKey.parse("registry.example.com"))).isZero();
    assertThat(image.match(RegistryKey.parse("https://registry.example.com/"))).isZero();
    assertThat(image.match(RegistryKey.parse("registry.example.com/team"))).isEqualTo(1);
    assertThat(image.match(RegistryKey.parse("registry.example.com/team/serve"))).isEqualTo(2);
    assertThat(image.match(RegistryKey.parse("registry.example.com/other"))).isNegative();
    assertThat(image.match(RegistryKey.parse("registry.example.com/tea"))).isNegative();
    assertThat(image.match(RegistryKey.parse("registry.example.com:5000"))).isNegative();
    assertThat(image.match(RegistryKey.parse("example.com"))).isNegative();
    assertThat(ImageReference.parse("python").match(RegistryKey.parse("docker.io"))).isZero();
    assertThat(
            ImageReference.parse("python").match(RegistryKey.parse("https://index.docker.io/v1/")))
        .isZero();
    assertThat(ImageReference.parse("ghcr.io/a/b").match(RegistryKey.parse("docker.io")))
        .isNegative();
  }
}
