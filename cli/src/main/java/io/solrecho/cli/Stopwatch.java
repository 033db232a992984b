package io.solrecho.cli;

/** Repeats an action until both a minimum count and a minimum time are reached; reports seconds per run. */
final class Stopwatch {
  private Stopwatch() {}

  static double secondsPerRun(Runnable action, int warmups, int minRuns, double minSeconds) {
    for (int i = 0; i < warmups; i++) {
      action.run();
    }
    long start = System.nanoTime();
    long end = start + (long) (minSeconds * 1e9);
    int runs = 0;
    while (runs < minRuns || System.nanoTime() < end) {
      action.run();
      runs++;
    }
    return (System.nanoTime() - start) / 1e9 / runs;
  }
}
