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

import java.util.List;
import java.util.function.Function;

/**
 * Scores an embedder on the toy study: a triplet is right when the query is closer (cosine) to its
 * positive than to its negative, strictly. Each distinct text is embedded once, in one call.
 */
public final class ToyStudy {
  private final Function<List<String>, float[][]> embedder;

  /**
   * @param embedder maps texts to one embedding each, in the same order
   */
  public ToyStudy(Function<List<String>, float[][]> embedder) {
    if (embedder == null) {
      throw new IllegalArgumentException("embedder must not be null");
    }
    this.embedder = embedder;
  }

  /** The share of right triplets of each kind. */
  public Score score(List<ToyTriplet> triplets) {
    if (triplets == null || triplets.isEmpty()) {
      throw new IllegalArgumentException("the toy study needs at least one triplet");
    }
    DistinctTexts texts = new DistinctTexts();
    for (ToyTriplet t : triplets) {
      texts.add(t.query());
      texts.add(t.positive());
      texts.add(t.negative());
    }
    float[][] vectors = texts.embed(embedder);
    int[] right = new int[ToyTriplet.Kind.values().length];
    int[] total = new int[right.length];
    for (ToyTriplet t : triplets) {
      float[] query = vectors[texts.position(t.query())];
      double positive = CosineSimilarity.of(query, vectors[texts.position(t.positive())]);
      double negative = CosineSimilarity.of(query, vectors[texts.position(t.negative())]);
      total[t.kind().ordinal()]++;
      if (positive > negative) {
        right[t.kind().ordinal()]++;
      }
    }
    return new Score(right[0], total[0], right[1], total[1]);
  }

  /** Right triplets out of all, per kind. */
  public record Score(int s1Right, int s1Total, int s2Right, int s2Total) {
    public Score {
      if (s1Right < 0 || s2Right < 0 || s1Right > s1Total || s2Right > s2Total) {
        throw new IllegalArgumentException("right counts must lie in [0, total]");
      }
    }

    /** Percentage of S1 triplets right, NaN when there are none. */
    public double s1Percent() {
      return percent(s1Right, s1Total);
    }

    /** Percentage of S2 triplets right, NaN when there are none. */
    public double s2Percent() {
      return percent(s2Right, s2Total);
    }

    /** Percentage of all triplets right. */
    public double overallPercent() {
      return percent(s1Right + s2Right, s1Total + s2Total);
    }

    private static double percent(int right, int total) {
      return total == 0 ? Double.NaN : 100.0 * right / total;
    }
  }
}
