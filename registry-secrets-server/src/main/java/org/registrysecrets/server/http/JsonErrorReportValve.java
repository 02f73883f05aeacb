package org.registrysecrets.server.http;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.json.JsonMappers;
import org.registrysecrets.api.wire.ErrorResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces Tomcat's HTML error page for requests Tomcat refuses before any servlet runs (an encoded
 * slash, a malformed URL) with AI Core's JSON error body.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  // Tomcat creates the valve by class name, outside Spring: it has a mapper of its own.
  private static final JsonMapper JSON = JsonMappers.builder().build();

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ApiErrorCode error = ApiErrorCode.forStatus(status);
    String message =
        status >= 500
            ? "The server failed to handle the request."
            : "The request URL or headers are malformed (for example an encoded '/' in a path).";
    String target = request.getCoyoteRequest().requestURI().toString();
    String body =
        JSON.writeValueAsString(
            ErrorResponse.of(
                error.code(),
                message,
                UUID.randomUUID().toString(),
                target == null ? "" : truncate(target),
                Map.of()));
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is committed: nothing more to say.
    }
  }

  private static String truncate(String target) {
    return target.length() > 512 ? target.substring(0, 512) : target;
  }
}
