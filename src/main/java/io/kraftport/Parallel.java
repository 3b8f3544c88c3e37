package io.kraftport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one function over many items on a bounded pool of daemon threads and collects the results in
 * the items' order. The first failure is rethrown as it was thrown (unwrapped from {@link
 * ExecutionException}); the other tasks are cancelled.
 */
public final class Parallel implements AutoCloseable {
  private final ExecutorService pool;

  /** A pool of {@code threads} threads named {@code name}. */
  public Parallel(int threads, String name) {
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /** The results keyed by item, in the items' order (the items must be distinct). */
  public <T, R> Map<T, R> map(List<T> items, Function<T, R> fn) {
    List<R> results = list(items, fn);
    Map<T, R> out = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      out.put(items.get(i), results.get(i));
    }
    return out;
  }

  /** The results in the items' order. */
  public <T, R> List<R> list(List<T> items, Function<T, R> fn) {
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(pool.submit(() -> fn.apply(item)));
    }
    List<R> out = new ArrayList<>(items.size());
    try {
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
