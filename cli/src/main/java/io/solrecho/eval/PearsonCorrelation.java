/*
 * Copyright 2026 The solr-echo authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.solrecho.eval;

/**
 * Pearson's product-moment correlation of two equally long samples, in {@code [-1, 1]}. Computed in
 * two passes (means first, then centred sums) for numerical stability.
 */
public final class PearsonCorrelation {
  private PearsonCorrelation() {}

  /**
   * The correlation of {@code x} and {@code y}.
   *
   * @throws IllegalArgumentException if the lengths differ, there are fewer than two values, a
   *     value is not finite, or either sample is constant (the correlation is then undefined)
   */
  public static double of(double[] x, double[] y) {
    requireSamples(x, y);
    int n = x.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i];
      meanY += y[i];
    }
    meanX /= n;
    meanY /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0) {
      throw new IllegalArgumentException(
          "correlation is undefined: all " + n + " values of x are equal");
    }
    if (syy == 0) {
      throw new IllegalArgumentException(
          "correlation is undefined: all " + n + " values of y are equal");
    }
    double r = sxy / Math.sqrt(sxx * syy);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  static void requireSamples(double[] x, double[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("samples must not be null");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "samples must have the same length, got " + x.length + " and " + y.length);
    }
    if (x.length < 2) {
      throw new IllegalArgumentException("correlation needs at least 2 values, got " + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "values must be finite, got x[" + i + "]=" + x[i] + ", y[" + i + "]=" + y[i]);
      }
    }
  }
}
