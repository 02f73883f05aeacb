package org.registrysecrets.server.launchpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Launchpad speaks English and German: every text in both, every text a page asks for. */
class LaunchpadMessagesTests {

  private static final Path I18N = Path.of("src/main/resources/i18n");
  private static final Path TEMPLATES = Path.of("src/main/resources/templates/launchpad");
  private static final Pattern MESSAGE = Pattern.compile("#\\{(lp\\.[A-Za-z0-9.]+)[}(]");

  @Test
  void englishAndGermanHaveTheSameTexts() throws IOException {
    Properties english = load("messages.properties");
    Properties german = load("messages_de.properties");

    assertThat(german.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    assertThat(german.stringPropertyNames())
        .allSatisfy(key -> assertThat(german.getProperty(key)).isNotBlank());
  }

  @Test
  void everyTextAPageAsksForExists() throws IOException {
    Set<String> defined = load("messages.properties").stringPropertyNames();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> templates = Files.list(TEMPLATES)) {
      for (Path template : templates.toList()) {
        Matcher matcher = MESSAGE.matcher(Files.readString(template));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }

    assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(defined).contains(key));
  }

  private static Properties load(String file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(I18N.resolve(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
