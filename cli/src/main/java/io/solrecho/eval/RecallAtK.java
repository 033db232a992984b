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
import java.util.Map;

/**
 * Recall at a cut-off k: the fraction of a query's relevant documents (grade &gt; 0) found among
 * the first k retrieved, as pytrec_eval's {@code recall_k} that BEIR reports. The denominator is
 * every relevant document of the query, not capped at k. Grades do not weight the count.
 */
public final class RecallAtK {
  private final RankCutOff cutOff;

  /**
   * @param k the cut-off, at least 1 (BEIR reports k = 100)
   */
  public RecallAtK(int k) {
    this.cutOff = new RankCutOff("recall", k);
  }

  public int k() {
    return cutOff.k();
  }

  /**
   * Recall@k of one query's ranking.
   *
   * @param ranking document ids, best first; only the first k are used and they must be distinct
   * @param judgments the query's graded judgments, document id to grade
   * @throws IllegalArgumentException if no judgment has a positive grade, or the top k repeat an id
   */
  public double score(List<String> ranking, Map<String, Integer> judgments) {
    if (ranking == null || judgments == null) {
      throw new IllegalArgumentException("ranking and judgments must not be null");
    }
    int relevant = cutOff.relevantGrades(judgments).size();
    int found = 0;
    for (int grade : cutOff.topGrades(ranking, judgments)) {
      if (grade > 0) {
        found++;
      }
    }
    return (double) found / relevant;
  }
}
