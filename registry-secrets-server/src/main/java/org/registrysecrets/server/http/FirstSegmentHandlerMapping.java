package org.registrysecrets.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC's request mappings, each first tested on the first segment of its path.
 *
 * <p>A path with a variable, as every API path naming a secret, has no direct match, so Spring
 * tests every mapping of the application in turn (method, media types, then path pattern): with the
 * API's, the Launchpad's and the API docs' mappings that was a tenth of an API read. A pattern
 * whose first segment is literal cannot match a path whose first segment differs, so one string
 * comparison rules out most mappings. Everything else is Spring's own lookup, unchanged: a mapping
 * without a literal first segment, and a path whose first segment is percent-encoded or carries
 * parameters (pattern matching decodes those), are tested in full.
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

  /** The literal first segments of a mapping's patterns; absent when any of them has none. */
  private final Map<RequestMappingInfo, Set<String>> firstSegments = new ConcurrentHashMap<>();

  /** The first segment of the path being looked up, or null to test every mapping. */
  private final ThreadLocal<@Nullable String> lookingUp = new ThreadLocal<>();

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    Set<String> segments = literalFirstSegments(mapping);
    if (segments != null) {
      firstSegments.put(mapping, segments);
    }
  }

  @Override
  protected @Nullable HandlerMethod lookupHandlerMethod(
      String lookupPath, HttpServletRequest request) throws Exception {
    lookingUp.set(firstSegment(lookupPath));
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      lookingUp.remove();
    }
  }

  @Override
  protected @Nullable RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    String segment = lookingUp.get();
    if (segment != null) {
      Set<String> candidates = firstSegments.get(info);
      if (candidates != null && !candidates.contains(segment)) {
        return null;
      }
    }
    return super.getMatchingMapping(info, request);
  }

  private @Nullable Set<String> literalFirstSegments(RequestMappingInfo mapping) {
    PathPatternParser parser = getPatternParser();
    PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
    if (parser == null || !parser.isCaseSensitive() || patterns == null) {
      return null;
    }
    Set<String> segments = new HashSet<>();
    for (PathPattern pattern : patterns.getPatterns()) {
      String segment = firstSegment(pattern.getPatternString());
      if (segment == null || segment.chars().anyMatch(c -> c == '{' || c == '*' || c == '?')) {
        return null;
      }
      segments.add(segment);
    }
    return segments.isEmpty() ? null : Set.copyOf(segments);
  }

  /**
   * The text between the leading slash and the next one, or null where it is not compared as
   * written: no leading slash, percent-encoding or {@code ;} parameters.
   */
  static @Nullable String firstSegment(String path) {
    if (!path.startsWith("/")) {
      return null;
    }
    int end = path.indexOf('/', 1);
    String segment = end < 0 ? path.substring(1) : path.substring(1, end);
    return segment.indexOf('%') >= 0 || segment.indexOf(';') >= 0 ? null : segment;
  }
}
