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

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Normalised discounted cumulative gain at a cut-off k, with linear gains as BEIR computes it
 * through pytrec_eval ({@code ndcg_cut}): {@code DCG@k = sum over ranks i=0..k-1 of rel_i / log2(i
 * + 2)}, divided by the DCG of the ideal ordering of <em>all</em> judged documents of the query
 * (not only those retrieved).
 *
 * <p>Grades come from the query's judgments; a retrieved document that is not judged, or is judged
 * with a grade of 0 or less, contributes 0. A query without any positive grade has no ideal DCG and
 * is rejected: callers (see {@link RetrievalEvaluator}) exclude such queries rather than scoring
 * them 0 or 1. The ranking is taken in the order given; ties in the retriever's scores must already
 * be broken.
 */
public final class NdcgAtK {
  private final RankCutOff cutOff;

  /**
   * @param k the cut-off, at least 1 (BEIR reports k = 10)
   */
  public NdcgAtK(int k) {
    this.cutOff = new RankCutOff("nDCG", k);
  }

  public int k() {
    return cutOff.k();
  }

  /**
   * nDCG@k of one query's ranking.
   *
   * @param ranking document ids, best first; only the first k are used and they must be distinct
   * @param judgments the query's graded judgments, document id to grade
   * @throws IllegalArgumentException if no judgment has a positive grade, or the top k repeat an id
   */
  public double score(List<String> ranking, Map<String, Integer> judgments) {
    if (ranking == null) {
      throw new IllegalArgumentException("ranking must not be null");
    }
    double ideal = idealDcg(judgments);
    double dcg = 0;
    int[] grades = cutOff.topGrades(ranking, judgments);
    for (int i = 0; i < grades.length; i++) {
      if (grades[i] > 0) {
        dcg += grades[i] / log2(i + 2);
      }
    }
    return dcg / ideal;
  }

  private double idealDcg(Map<String, Integer> judgments) {
    if (judgments == null) {
      throw new IllegalArgumentException("judgments must not be null");
    }
    List<Integer> gains = cutOff.relevantGrades(judgments);
    gains.sort(Collections.reverseOrder());
    double ideal = 0;
    for (int i = 0; i < Math.min(cutOff.k(), gains.size()); i++) {
      ideal += gains.get(i) / log2(i + 2);
    }
    return ideal;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
