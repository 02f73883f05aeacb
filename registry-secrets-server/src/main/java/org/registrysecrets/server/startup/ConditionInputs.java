package org.registrysecrets.server.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.env.PropertyResolver;

/**
 * What chose the beans while the build fixed their definitions: the properties Spring's conditions
 * read, with the values they had then, and the auto-configurations on the class path. An AOT-built
 * context is right only while each is unchanged; the benchmark's baselines, for one, add an
 * auto-configuration beside the jar.
 *
 * @param present the properties that had a value, by name
 * @param absent the properties that had none
 * @param autoConfigurations the auto-configuration classes the class path offered, sorted
 */
record ConditionInputs(
    Map<String, String> present, Set<String> absent, List<String> autoConfigurations) {

  /** Where the build writes them, beside the generated classes. */
  static final String RESOURCE = "META-INF/registry-secrets/aot-condition-inputs.properties";

  /**
   * Inputs whose value every start sets for itself and no condition looks into: the data source's
   * conditions ask only whether a URL is set, and the management-port condition compares {@code
   * server.port} with {@code management.server.port}, an input of its own. Only whether they are
   * set must match.
   */
  private static final Set<String> PRESENCE_ONLY = Set.of("spring.datasource.url", "server.port");

  /**
   * Inputs no condition reads, recorded always: the auto-configuration import selector reads the
   * exclusions, and the build fixed them too.
   */
  private static final Set<String> ALWAYS = Set.of("spring.autoconfigure.exclude");

  private static final String ABSENT_KEY = "regsecrets.aot.absent";
  private static final String AUTO_CONFIGURATIONS_KEY = "regsecrets.aot.auto-configurations";

  ConditionInputs {
    present = new TreeMap<>(present);
    absent = new TreeSet<>(absent);
    autoConfigurations = autoConfigurations.stream().sorted().toList();
  }

  /**
   * The values {@code names} (and the exclusions) have in {@code environment}, and the class path's
   * auto-configurations.
   */
  static ConditionInputs of(Set<String> names, PropertyResolver environment, ClassLoader loader) {
    Map<String, String> present = new TreeMap<>();
    Set<String> absent = new TreeSet<>();
    Set<String> inputs = new TreeSet<>(names);
    inputs.addAll(ALWAYS);
    for (String name : inputs) {
      String value = environment.getProperty(name);
      if (value == null) {
        absent.add(name);
      } else {
        present.put(name, value);
      }
    }
    return new ConditionInputs(present, absent, autoConfigurations(loader));
  }

  private static List<String> autoConfigurations(ClassLoader loader) {
    return ImportCandidates.load(AutoConfiguration.class, loader).getCandidates();
  }

  /** What differs from the build in {@code environment} and on the class path, or null. */
  @Nullable String firstDifference(PropertyResolver environment, ClassLoader loader) {
    for (String name : absent) {
      if (environment.getProperty(name) != null) {
        return changed(name);
      }
    }
    for (Map.Entry<String, String> input : present.entrySet()) {
      String now = environment.getProperty(input.getKey());
      boolean same =
          PRESENCE_ONLY.contains(input.getKey())
              ? now != null
              : Objects.equals(now, input.getValue());
      if (!same) {
        return changed(input.getKey());
      }
    }
    if (!autoConfigurations.equals(autoConfigurations(loader).stream().sorted().toList())) {
      return "the class path offers other auto-configurations than at build time";
    }
    return null;
  }

  private static String changed(String name) {
    return "'" + name + "' is not set as it was at build time";
  }

  /** The resource's text. */
  String text() {
    Properties properties = new Properties();
    properties.putAll(present);
    properties.setProperty(ABSENT_KEY, String.join(",", absent));
    properties.setProperty(AUTO_CONFIGURATIONS_KEY, String.join(",", autoConfigurations));
    StringWriter text = new StringWriter();
    try {
      properties.store(text, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Without the date line Properties writes first: the same build writes the same jar.
    return text.toString().replaceFirst("^#.*\\R", "");
  }

  /** The inputs the build wrote, or null when this jar was built without Spring AOT. */
  static @Nullable ConditionInputs read(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      List<String> absent = list(properties.remove(ABSENT_KEY));
      List<String> autoConfigurations = list(properties.remove(AUTO_CONFIGURATIONS_KEY));
      Map<String, String> present = new TreeMap<>();
      properties.forEach((name, value) -> present.put((String) name, (String) value));
      return new ConditionInputs(present, new TreeSet<>(absent), autoConfigurations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> list(@Nullable Object joined) {
    return joined == null || joined.toString().isEmpty()
        ? List.of()
        : Arrays.asList(joined.toString().split(","));
  }
}
