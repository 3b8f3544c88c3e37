package io.kraftport.bench;

/** Times one piece of benchmark work in milliseconds. */
final class Stopwatch {
  private Stopwatch() {}

  /** Work that may throw. */
  interface Work {
    void run() throws Exception;
  }

  static long time(Work work) throws Exception {
    long t0 = System.nanoTime();
    work.run();
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
