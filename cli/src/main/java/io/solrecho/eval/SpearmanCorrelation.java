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

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, where tied values share the
 * average of the ranks they span (as {@code scipy.stats.spearmanr}). The result is in {@code [-1,
 * 1]}; reporting it x100, as STS papers do, is the caller's job.
 */
public final class SpearmanCorrelation {
  private SpearmanCorrelation() {}

  /**
   * The rank correlation of {@code x} and {@code y}.
   *
   * @throws IllegalArgumentException if the lengths differ, there are fewer than two values, a
   *     value is not finite, or either sample is constant
   */
  public static double of(double[] x, double[] y) {
    PearsonCorrelation.requireSamples(x, y);
    return PearsonCorrelation.of(averageRanks(x), averageRanks(y));
  }

  /**
   * The 1-based ranks of {@code values} in ascending order; a run of equal values gets the mean of
   * the ranks it covers, e.g. {@code [10, 20, 20, 20, 5] -> [2, 4, 4, 4, 1]}.
   */
  public static double[] averageRanks(double[] values) {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("cannot rank NaN (at index " + i + ")");
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[n];
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && values[order[end]] == values[order[start]]) {
        end++;
      }
      // Positions start..end-1 (0-based) are tied: ranks start+1..end, whose mean is
      // (start+1+end)/2.
      double rank = (start + 1 + end) / 2.0;
      for (int j = start; j < end; j++) {
        ranks[order[j]] = rank;
      }
      start = end;
    }
    return ranks;
  }
}
