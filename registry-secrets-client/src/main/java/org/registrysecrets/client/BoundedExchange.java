package org.registrysecrets.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Sends one request and reads its answer with two bounds a server cannot push past: the answer's
 * size (read no further than the cap) and the whole exchange's time (headers and body; the JDK's
 * request timeout stops waiting at the headers).
 */
final class BoundedExchange {

  /** Token answers are a few hundred bytes. */
  static final int MAX_TOKEN_ANSWER = 64 * 1024;

  /** The largest list (50 secrets with their registries) is far below this. */
  static final int MAX_API_ANSWER = 4 * 1024 * 1024;

  private BoundedExchange() {}

  /**
   * @param target the URL named in errors
   * @throws ApiUnreachableException if the exchange failed, took longer than {@code deadline} or
   *     the answer was larger than {@code maxBytes}
   */
  static HttpResponse<String> send(
      HttpClient http, HttpRequest request, int maxBytes, Duration deadline, String target) {
    CompletableFuture<HttpResponse<String>> exchange =
        http.sendAsync(request, info -> new CappedBody(maxBytes));
    try {
      return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new ApiUnreachableException(
          target + " did not finish answering within " + deadline.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiUnreachableException("Interrupted while calling " + target, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw ApiUnreachableException.calling(target, io);
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ApiUnreachableException("cannot reach " + target, e);
    }
  }

  /** The answer was larger than the caller is willing to read. */
  static final class AnswerTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    AnswerTooLargeException(int maxBytes) {
      super("more than " + maxBytes / 1024 + " KB");
    }
  }

  /** Collects the body as UTF-8 text, and cancels the exchange once it passes the cap. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<String> {

    private final int maxBytes;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.@Nullable Subscription subscription;

    CappedBody(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          if (subscription != null) {
            subscription.cancel();
          }
          body.completeExceptionally(new AnswerTooLargeException(maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
