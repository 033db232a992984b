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

import java.util.Arrays;

/**
 * One range of positions {@code [start, end)} per row of a {@link TokenBatch}: the positions whose
 * last-layer hidden states are averaged into the row's vector (a single position for last-token
 * pooling).
 */
public final class TokenSpans {
  private final int[] starts;
  private final int[] ends;

  private TokenSpans(int[] starts, int[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * Spans {@code [starts[b], ends[b])}.
   *
   * @throws IllegalArgumentException when the arrays differ in length or a span is empty or
   *     negative
   */
  public static TokenSpans of(int[] starts, int[] ends) {
    if (starts.length != ends.length) {
      throw new IllegalArgumentException(
          "spans: " + starts.length + " starts but " + ends.length + " ends");
    }
    for (int b = 0; b < starts.length; b++) {
      if (starts[b] < 0 || starts[b] >= ends[b]) {
        throw new IllegalArgumentException(
            "spans: row "
                + b
                + " has the empty or negative span ["
                + starts[b]
                + ", "
                + ends[b]
                + ")");
      }
    }
    return new TokenSpans(starts.clone(), ends.clone());
  }

  /** Number of rows. */
  public int size() {
    return starts.length;
  }

  /** First position of row {@code b}'s span. */
  public int start(int b) {
    return starts[b];
  }

  /** Position just after row {@code b}'s span. */
  public int end(int b) {
    return ends[b];
  }

  /** The longest span. */
  int longest() {
    int longest = 0;
    for (int b = 0; b < starts.length; b++) {
      longest = Math.max(longest, ends[b] - starts[b]);
    }
    return longest;
  }

  /** The first position of any span. */
  int earliestStart() {
    return Arrays.stream(starts).min().orElse(0);
  }

  /** Every span moved by {@code offset} positions. */
  TokenSpans shifted(int offset) {
    int[] movedStarts = starts.clone();
    int[] movedEnds = ends.clone();
    for (int b = 0; b < starts.length; b++) {
      movedStarts[b] += offset;
      movedEnds[b] += offset;
    }
    return of(movedStarts, movedEnds);
  }

  /** Checks that every span lies within the real tokens of {@code batch}. */
  void checkAgainst(TokenBatch batch) {
    if (starts.length != batch.size()) {
      throw new IllegalArgumentException(
          "spans: " + starts.length + " spans for a batch of " + batch.size() + " sequences");
    }
    for (int b = 0; b < starts.length; b++) {
      for (int t = starts[b]; t < ends[b]; t++) {
        if (t >= batch.length() || batch.attentionMask()[b][t] == 0) {
          throw new IllegalArgumentException(
              "spans: row "
                  + b
                  + " span ["
                  + starts[b]
                  + ", "
                  + ends[b]
                  + ") covers position "
                  + t
                  + ", which is padding or beyond the batch length "
                  + batch.length());
        }
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("TokenSpans[");
    for (int b = 0; b < starts.length; b++) {
      s.append(b == 0 ? "" : ", ")
          .append('[')
          .append(starts[b])
          .append(", ")
          .append(ends[b])
          .append(')');
    }
    return s.append(']').toString();
  }
}
