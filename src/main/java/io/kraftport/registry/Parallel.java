package io.kraftport.registry;

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
 * Runs one function over many items on a bounded pool and collects the results in the items' order.
 * The first failure is rethrown as it was thrown (unwrapped from {@link ExecutionException}); the
 * other tasks are cancelled.
 */
final class Parallel implements AutoCloseable {
  private final ExecutorService pool;

  Parallel(int threads) {
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "kraftport-registry");
              t.setDaemon(true);
              return t;
            });
  }

  <T, R> Map<T, R> map(List<T> items, Function<T, R> fn) {
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(pool.submit(() -> fn.apply(item)));
    }
    Map<T, R> out = new LinkedHashMap<>();
    try {
      for (int i = 0; i < items.size(); i++) {
        out.put(items.get(i), futures.get(i).get());
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
