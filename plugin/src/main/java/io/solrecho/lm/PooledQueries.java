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

/**
 * The pooled positions of a batch as the last layer's queries: {@code S} (the longest span) per
 * row, the span's positions then repeats of its first one, with averaging weights {@code 1/n} on
 * the span and 0 on the repeats.
 */
final class PooledQueries {
  private final int[][] columns;
  private final float[] weights;

  PooledQueries(TokenSpans spans) {
    int queries = spans.longest();
    columns = new int[spans.size()][queries];
    weights = new float[spans.size() * queries];
    for (int b = 0; b < spans.size(); b++) {
      int n = spans.end(b) - spans.start(b);
      for (int s = 0; s < queries; s++) {
        columns[b][s] = spans.start(b) + (s < n ? s : 0);
        weights[b * queries + s] = s < n ? 1f / n : 0f;
      }
    }
  }

  /** Query positions per row. */
  int perRow() {
    return columns[0].length;
  }

  /** The query columns of each row, {@code [B][S]}. */
  int[][] columns() {
    return columns;
  }

  /** The flat indices of the queries in {@code [B * length]}. */
  long[] flatIndices(int length) {
    long[] rows = new long[columns.length * perRow()];
    for (int b = 0; b < columns.length; b++) {
      for (int s = 0; s < perRow(); s++) {
        rows[b * perRow() + s] = (long) b * length + columns[b][s];
      }
    }
    return rows;
  }

  /** The positions of the queries, picked from every column's {@code positions}. */
  int[][] positions(int[][] positions) {
    int[][] picked = new int[columns.length][perRow()];
    for (int b = 0; b < columns.length; b++) {
      for (int s = 0; s < perRow(); s++) {
        picked[b][s] = positions[b][columns[b][s]];
      }
    }
    return picked;
  }

  /** The averaging weights, {@code [B * S]}. */
  float[] weights() {
    return weights;
  }
}
