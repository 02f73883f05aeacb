package org.registrysecrets.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings with two cheap tests first. For a path with a variable, such as
 * {@code /v2/admin/dockerRegistrySecrets/{name}}, Spring tries every mapping of the application in
 * turn (method, media types, then path pattern): about a fifth of the CPU time of a read (JFR). Two
 * necessary conditions refuse most mappings without those tests:
 *
 * <ul>
 *   <li>a pattern only matches a path that starts with the pattern's literal text up to its first
 *       variable or wildcard, and ends with its literal text after the last one; a pattern without
 *       either only matches itself. So {@code /dockerRegistrySecrets/seed-42} is not tried against
 *       the list's {@code /dockerRegistrySecrets} nor against {@code /{name}/versions}. Only paths
 *       without {@code %} or {@code ;} take this shortcut: Spring matches decoded segments without
 *       their parameters, which the literal text would not see;
 *   <li>a mapping that names its methods only matches one of them. Only GET, POST, PUT, PATCH and
 *       DELETE take this shortcut: Spring lets HEAD match GET and answers OPTIONS itself.
 * </ul>
 *
 * A mapping refused here would be refused by Spring's own tests too, so the same handler wins; the
 * 404, 405 and 415 answers come from Spring's separate pass over all mappings, which this leaves
 * alone.
 *
 * <p>It is also asked first, before the actuator's three endpoint mappings (order -100), which
 * answer only under {@code /actuator} but would otherwise try their mappings on every request: none
 * of ours is under {@code /actuator}, so they still answer there.
 */
final class PrefilteredHandlerMapping extends RequestMappingHandlerMapping {

  /** Ahead of the actuator's endpoint mappings. */
  static final int ORDER = -101;

  /** The request being looked up on this thread, while it is. */
  private static final ThreadLocal<@Nullable Lookup> LOOKUP = new ThreadLocal<>();

  private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /**
   * Each mapping's tests, by identity: replaced, never changed, when a mapping is first seen, so
   * that the lookup on every request takes no lock and hashes nothing.
   */
  private volatile Map<RequestMappingInfo, Prefilter> prefilters = new IdentityHashMap<>();

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected @Nullable HandlerMethod lookupHandlerMethod(
      String lookupPath, HttpServletRequest request) throws Exception {
    boolean plainPath = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
    String method = request.getMethod();
    LOOKUP.set(
        new Lookup(
            plainPath ? lookupPath : null,
            PLAIN_METHODS.contains(method) ? 1 << RequestMethod.valueOf(method).ordinal() : 0));
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      LOOKUP.remove();
    }
  }

  @Override
  protected @Nullable RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    Lookup lookup = LOOKUP.get();
    return lookup != null && !prefilter(info).mayMatch(lookup)
        ? null
        : super.getMatchingMapping(info, request);
  }

  private Prefilter prefilter(RequestMappingInfo info) {
    Prefilter prefilter = prefilters.get(info);
    if (prefilter == null) {
      prefilter = Prefilter.of(info);
      synchronized (this) {
        Map<RequestMappingInfo, Prefilter> more = new IdentityHashMap<>(prefilters);
        more.put(info, prefilter);
        prefilters = more;
      }
    }
    return prefilter;
  }

  /**
   * A path without {@code %} or {@code ;}, or none; a plain method as a bit of {@link
   * RequestMethod}'s order, or 0.
   */
  private record Lookup(@Nullable String plainPath, int method) {}

  /**
   * @param paths the literal ends of each path pattern; one that matches any path without patterns
   * @param methods the mapping's methods as bits of {@link RequestMethod}'s order; 0 for any
   */
  private record Prefilter(LiteralEnds[] paths, int methods) {

    static Prefilter of(RequestMappingInfo info) {
      int methods = 0;
      for (RequestMethod method : info.getMethodsCondition().getMethods()) {
        methods |= 1 << method.ordinal();
      }
      PathPatternsRequestCondition condition = info.getPathPatternsCondition();
      LiteralEnds[] paths =
          condition == null || condition.getPatterns().isEmpty()
              ? new LiteralEnds[] {LiteralEnds.ANY}
              : condition.getPatterns().stream()
                  .map(PathPattern::getPatternString)
                  .map(LiteralEnds::of)
                  .toArray(LiteralEnds[]::new);
      return new Prefilter(paths, methods);
    }

    boolean mayMatch(Lookup lookup) {
      if (lookup.method() != 0 && methods != 0 && (methods & lookup.method()) == 0) {
        return false;
      }
      String path = lookup.plainPath();
      if (path == null) {
        return true;
      }
      for (LiteralEnds ends : paths) {
        if (ends.mayMatch(path)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * What a path pattern's literal text says of the paths it matches.
   *
   * @param prefix the text before the first variable or wildcard
   * @param suffix the text after the last one
   * @param exact whether the pattern has neither, so that it only matches itself
   */
  record LiteralEnds(String prefix, String suffix, boolean exact) {

    static final LiteralEnds ANY = new LiteralEnds("", "", false);

    private static final String WILDCARDS = "{}*?";

    static LiteralEnds of(String pattern) {
      int first = 0;
      while (first < pattern.length() && WILDCARDS.indexOf(pattern.charAt(first)) < 0) {
        first++;
      }
      if (first == pattern.length()) {
        return new LiteralEnds(pattern, "", true);
      }
      String prefix = pattern.substring(0, first);
      // "/files/**" and "/files/{*path}" also match "/files", without the separator.
      boolean rest = pattern.startsWith("**", first) || pattern.startsWith("{*", first);
      if (rest && prefix.endsWith("/")) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
      int last = pattern.length();
      while (WILDCARDS.indexOf(pattern.charAt(last - 1)) < 0) {
        last--;
      }
      return new LiteralEnds(prefix, pattern.substring(last), false);
    }

    boolean mayMatch(String path) {
      return exact ? path.equals(prefix) : path.startsWith(prefix) && path.endsWith(suffix);
    }
  }
}
