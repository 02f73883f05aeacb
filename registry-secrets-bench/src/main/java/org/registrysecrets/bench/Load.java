package org.registrysecrets.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A load generator: {@code connections} threads, each with its own HTTP/1.1 connection, sending
 * requests back to back (closed loop) or at a fixed rate measured from the intended send time (open
 * loop, so that a slow answer does not hide the queue behind it).
 */
final class Load {

  /** Makes the next request of a thread; sees each answer, e.g. to keep an ETag. */
  interface Traffic {
    HttpRequest next(int thread, long sequence);

    default boolean accept(int thread, HttpResponse<String> response) {
      return response.statusCode() < 300;
    }
  }

  private Load() {}

  static Measurement closed(
      String name, int connections, Duration warmup, Duration duration, Traffic traffic) {
    return run(name, connections, warmup, duration, traffic, 0);
  }

  /** At {@code rate} requests per second in total. */
  static Measurement open(
      String name, int connections, Duration duration, double rate, Traffic traffic) {
    return run(name, connections, Duration.ZERO, duration, traffic, rate);
  }

  private static Measurement run(
      String name,
      int connections,
      Duration warmup,
      Duration duration,
      Traffic traffic,
      double rate) {
    List<Thread> threads = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + duration.toNanos();
    for (int t = 0; t < connections; t++) {
      int thread = t;
      Histogram histogram = new Histogram(60_000_000_000L, 3);
      histograms.add(histogram);
      Thread worker =
          new Thread(
              () -> {
                HttpClient http =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                long interval = rate > 0 ? (long) (1e9 * connections / rate) : 0;
                long intended =
                    System.nanoTime() + (interval > 0 ? interval * thread / connections : 0);
                for (long sequence = 0; ; sequence++) {
                  long now = System.nanoTime();
                  if (now >= end) {
                    break;
                  }
                  if (interval > 0) {
                    if (now < intended) {
                      sleepNanos(intended - now);
                    }
                  } else {
                    intended = now;
                  }
                  long sent = interval > 0 ? intended : System.nanoTime();
                  boolean ok;
                  try {
                    HttpResponse<String> response =
                        http.send(
                            traffic.next(thread, sequence), HttpResponse.BodyHandlers.ofString());
                    ok = traffic.accept(thread, response);
                  } catch (IOException | RuntimeException e) {
                    ok = false;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  long done = System.nanoTime();
                  if (sent >= start && done <= end) {
                    histogram.recordValue(Math.max(0, done - sent));
                    completed.incrementAndGet();
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                  }
                  intended += interval;
                }
              },
              "load-" + name + "-" + t);
      threads.add(worker);
      worker.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Histogram all = new Histogram(60_000_000_000L, 3);
    histograms.forEach(all::add);
    double seconds = duration.toNanos() / 1e9;
    return new Measurement(
        name,
        connections,
        completed.get() / seconds,
        all.getValueAtPercentile(50) / 1e6,
        all.getValueAtPercentile(99) / 1e6,
        all.getValueAtPercentile(99.9) / 1e6,
        errors.get());
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
