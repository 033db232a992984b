package io.solrecho.harness;

/** Numbers as the benchmark JSON holds them: three decimals, like bench-lm and bench-embed. */
final class BenchJson {
  private BenchJson() {}

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
