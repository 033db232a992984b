package io.solrecho.lm;

/** Largest absolute element-wise difference between two equally shaped arrays. */
final class MaxAbsError {
  private MaxAbsError() {}

  static double of(float[][] expected, float[][] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError("row count " + actual.length + " != expected " + expected.length);
    }
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      max = Math.max(max, of(expected[i], actual[i]));
    }
    return max;
  }

  static double of(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError("length " + actual.length + " != expected " + expected.length);
    }
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs((double) expected[i] - actual[i]);
      if (Double.isNaN(d)) {
        return Double.POSITIVE_INFINITY;
      }
      max = Math.max(max, d);
    }
    return max;
  }
}
