package org.registrysecrets.server.web;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

/**
 * Replaces Tomcat's HTML error page for requests Tomcat refuses before any servlet runs (an encoded
 * slash, a malformed URL) with AI Core's JSON error body.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String code = status == 404 ? "NotFound" : status >= 500 ? "InternalServerError" : "BadRequest";
    String message =
        status >= 500
            ? "The server failed to handle the request."
            : "The request URL or headers are malformed (for example an encoded '/' in a path).";
    String target = request.getCoyoteRequest().requestURI().toString();
    String body =
        "{\"error\":{\"code\":\""
            + code
            + "\",\"message\":\""
            + message
            + "\",\"requestId\":\""
            + UUID.randomUUID()
            + "\",\"target\":\""
            + jsonEscape(target == null ? "" : target)
            + "\",\"details\":{}}}";
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

  private static String jsonEscape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && i < 512; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
