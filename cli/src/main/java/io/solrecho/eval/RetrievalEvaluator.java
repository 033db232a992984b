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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores per-query rankings against relevance judgments as BEIR reports them: mean nDCG@10 and mean
 * Recall@100 (cut-offs configurable). The means are taken over the queries of the qrels that have
 * at least one relevant document; judged queries without any are left out and counted. Rankings of
 * queries that have no judgments are ignored, so ranking every query of queries.jsonl is fine.
 */
public final class RetrievalEvaluator {
  private final NdcgAtK ndcg;
  private final RecallAtK recall;

  /** nDCG@10 and Recall@100, BEIR's headline metrics. */
  public RetrievalEvaluator() {
    this(10, 100);
  }

  public RetrievalEvaluator(int ndcgK, int recallK) {
    this.ndcg = new NdcgAtK(ndcgK);
    this.recall = new RecallAtK(recallK);
  }

  /**
   * The mean scores of {@code rankings} against {@code qrels}.
   *
   * @param rankings query id to its ranked document ids, best first
   * @param qrels the judgments
   * @throws IllegalArgumentException if a query with relevant judgments has no ranking (rank every
   *     judged query, or narrow the qrels first, e.g. with {@link Qrels#firstQueries(int)}), or no
   *     query has a relevant judgment
   */
  public RetrievalScores evaluate(Map<String, List<String>> rankings, Qrels qrels) {
    if (rankings == null || qrels == null) {
      throw new IllegalArgumentException("rankings and qrels must not be null");
    }
    List<String> missing = new ArrayList<>();
    double ndcgSum = 0;
    double recallSum = 0;
    int evaluated = 0;
    int withoutRelevant = 0;
    for (String queryId : qrels.queryIds()) {
      if (!qrels.hasRelevant(queryId)) {
        withoutRelevant++;
        continue;
      }
      List<String> ranking = rankings.get(queryId);
      if (ranking == null) {
        missing.add(queryId);
        continue;
      }
      Map<String, Integer> judgments = qrels.judgments(queryId);
      try {
        ndcgSum += ndcg.score(ranking, judgments);
        recallSum += recall.score(ranking, judgments);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("query '" + queryId + "': " + e.getMessage(), e);
      }
      evaluated++;
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          missing.size()
              + " judged queries have no ranking, e.g. '"
              + missing.get(0)
              + "': rank every judged query, or narrow the qrels first (Qrels.firstQueries)");
    }
    if (evaluated == 0) {
      throw new IllegalArgumentException(
          "no query of the qrels has a relevant document ("
              + qrels.queryCount()
              + " judged queries): nothing to evaluate");
    }
    return new RetrievalScores(
        ndcg.k(),
        ndcgSum / evaluated,
        recall.k(),
        recallSum / evaluated,
        evaluated,
        withoutRelevant);
  }
}
