package org.registrysecrets.server.startup;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Condition;
import org.springframework.core.env.PropertySource;

/**
 * Notes each property a {@link Condition} looks up, and answers none itself. Added first to the
 * environment while the build runs Spring AOT, so every lookup passes through it. Lookups that
 * resolve a placeholder inside another property's value are left out: the outer property's resolved
 * value is compared, and covers them.
 */
final class ConditionInputRecorder extends PropertySource<Set<String>> {

  static final String NAME = "regsecretsConditionInputs";

  /** Spring's placeholder resolution ({@code PlaceholderParser}, package-private). */
  private static final String PLACEHOLDERS = "org.springframework.util.PlaceholderParser";

  private static final StackWalker STACK =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  ConditionInputRecorder() {
    super(NAME, Collections.newSetFromMap(new ConcurrentHashMap<>()));
  }

  @Override
  public @Nullable Object getProperty(String name) {
    if (STACK.walk(ConditionInputRecorder::isConditionInput)) {
      getSource().add(name);
    }
    return null;
  }

  private static boolean isConditionInput(Stream<StackWalker.StackFrame> frames) {
    boolean inCondition = false;
    for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
      Class<?> type = frame.getDeclaringClass();
      if (type.getName().startsWith(PLACEHOLDERS)) {
        return false;
      }
      inCondition |= Condition.class.isAssignableFrom(type);
    }
    return inCondition;
  }

  /** The names looked up so far. */
  Set<String> names() {
    return Set.copyOf(getSource());
  }
}
