package org.registrysecrets.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback that records every post and can be "down": it answers 503 to the
 * next {@link #failNext} posts before it accepts again.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One post: the signature header, the body, and whether it was accepted (2xx). */
  public record Post(String signature, String contentType, String body, boolean accepted) {}

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean accept = failures.getAndUpdate(left -> Math.max(0, left - 1)) == 0;
          posts.add(
              new Post(
                  exchange.getRequestHeaders().getFirst("X-Regsecrets-Signature"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body,
                  accept));
          exchange.sendResponseHeaders(accept ? 204 : 503, -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Answers 503 to the next {@code count} posts. */
  public void failNext(int count) {
    failures.set(count);
  }

  public List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Waits until a post matching {@code accepted} was accepted, or fails after {@code timeout}. */
  public Post awaitAccepted(Predicate<Post> accepted, Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      for (Post post : posts) {
        if (post.accepted() && accepted.test(post)) {
          return post;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("No accepted post within " + timeout + "; received " + posts);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
