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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class RetrievalEvaluatorTest {
  private static final double EPS = 1e-12;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static Qrels qrels() {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    judgments.put("q1", Map.of("d1", 1, "d2", 1));
    judgments.put("q2", Map.of("d3", 2));
    judgments.put("q3", Map.of("n", 0)); // judged, but nothing relevant: left out
    return Qrels.of(judgments);
  }

  @Test
  public void meansOverQueriesWithRelevantJudgments() {
    Map<String, List<String>> rankings =
        Map.of(
            "q1",
                List.of(
                    "d1", "x",
                    "d2"), // nDCG@10 = (1 + 1/log2(4)) / (1 + 1/log2(3)) = 0.919721; recall 2/2
            "q2", List.of("x", "y"), // nDCG 0; recall 0/1
            "q3", List.of("n"), // left out: no relevant document
            "q4", List.of("d1")); // no judgments: ignored
    RetrievalScores scores = new RetrievalEvaluator().evaluate(rankings, qrels());
    double q1Ndcg = 1.5 / (1 + 1 / log2(3));
    assertEquals(0.9197207891481876, q1Ndcg, EPS);
    assertEquals(q1Ndcg / 2, scores.meanNdcg(), EPS);
    assertEquals(0.5, scores.meanRecall(), EPS);
    assertEquals(2, scores.queriesEvaluated());
    assertEquals(1, scores.queriesWithoutRelevant());
    assertEquals(10, scores.ndcgK());
    assertEquals(100, scores.recallK());
  }

  @Test
  public void recallStopsAtRankHundredAndNdcgAtTen() {
    List<String> ranking = new ArrayList<>();
    ranking.add("d1");
    for (int i = 0; i < 99; i++) {
      ranking.add("filler" + i);
    }
    ranking.add("d2"); // rank 101
    Qrels judged = Qrels.of(Map.of("q1", Map.of("d1", 1, "d2", 1)));
    RetrievalScores scores = new RetrievalEvaluator().evaluate(Map.of("q1", ranking), judged);
    assertEquals(0.5, scores.meanRecall(), EPS);
    assertEquals(1 / (1 + 1 / log2(3)), scores.meanNdcg(), EPS);
    assertEquals(
        1.0,
        new RetrievalEvaluator(10, 101).evaluate(Map.of("q1", ranking), judged).meanRecall(),
        EPS);
  }

  @Test
  public void judgedQueryWithoutRankingIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RetrievalEvaluator().evaluate(Map.of("q1", List.of("d1")), qrels()));
    assertTrue(
        e.getMessage(), e.getMessage().contains("1 judged queries have no ranking, e.g. 'q2'"));
  }

  @Test
  public void narrowedQrelsAllowPartialRuns() {
    RetrievalScores scores =
        new RetrievalEvaluator()
            .evaluate(Map.of("q1", List.of("d1", "d2")), qrels().firstQueries(1));
    assertEquals(1.0, scores.meanNdcg(), EPS);
    assertEquals(1, scores.queriesEvaluated());
  }

  @Test
  public void duplicateInRankingNamesTheQuery() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RetrievalEvaluator()
                    .evaluate(Map.of("q1", List.of("d1", "d1")), qrels().firstQueries(1)));
    assertTrue(
        e.getMessage(), e.getMessage().startsWith("query 'q1': ranking lists document 'd1' twice"));
  }

  @Test
  public void qrelsWithoutAnyRelevantDocumentAreRejected() {
    Qrels none = Qrels.of(Map.of("q3", Map.of("n", 0)));
    assertThrows(
        IllegalArgumentException.class, () -> new RetrievalEvaluator().evaluate(Map.of(), none));
  }
}
