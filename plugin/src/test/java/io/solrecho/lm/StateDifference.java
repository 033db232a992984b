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
package io.solrecho.lm;

import java.util.stream.IntStream;

/**
 * Largest absolute difference between hidden states of two forward calls (NaN counts as infinite).
 */
final class StateDifference {
  private StateDifference() {}

  /**
   * Row {@code a} of {@code x} at positions {@code pa} against row {@code b} of {@code y} at {@code
   * pb}.
   */
  static double between(HiddenStates x, int a, int[] pa, HiddenStates y, int b, int[] pb) {
    if (pa.length != pb.length) {
      throw new AssertionError("position counts differ: " + pa.length + " vs " + pb.length);
    }
    return MaxAbsError.of(x.rows(a, pa), y.rows(b, pb));
  }

  /** Every row and every padded position of two equally shaped outputs. */
  static double everywhere(HiddenStates x, HiddenStates y) {
    if (x.batchSize() != y.batchSize() || x.length() != y.length()) {
      throw new AssertionError(
          "shapes differ: "
              + x.batchSize()
              + "x"
              + x.length()
              + " vs "
              + y.batchSize()
              + "x"
              + y.length());
    }
    int[] all = IntStream.range(0, x.length()).toArray();
    double max = 0;
    for (int b = 0; b < x.batchSize(); b++) {
      max = Math.max(max, between(x, b, all, y, b, all));
    }
    return max;
  }
}
