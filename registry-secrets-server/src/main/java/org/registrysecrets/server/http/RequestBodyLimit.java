package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a JSON API request whose body exceeds {@code regsecrets.api.max-body-size},
 * whether it declares a length or is chunked, before anyone parses it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final ApiErrorWriter errors;

  RequestBodyLimit(ApiProperties properties, ApiErrorWriter errors) {
    this.maxBytes = properties.maxBodySize().toBytes();
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      tooLarge(request, response);
      return;
    }
    if (declared == 0 || withoutBody(request, declared)) {
      chain.doFilter(request, response);
      return;
    }
    // Chunked or declared within the limit: read at most one byte more than allowed.
    byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
    if (body.length > maxBytes) {
      tooLarge(request, response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  /**
   * In HTTP/1.x a request with neither a length nor a transfer coding has no body (a GET, a
   * DELETE): nothing to buffer. HTTP/2 frames a body without either, so it is read as before.
   */
  private static boolean withoutBody(HttpServletRequest request, long declared) {
    return declared < 0
        && request.getHeader("Transfer-Encoding") == null
        && request.getProtocol().startsWith("HTTP/1.");
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Connection", "close");
    errors.write(
        new ApiError(
            ApiErrorCode.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + maxBytes + " bytes."),
        request,
        response);
  }

  /** The request with its body already read into memory. */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
