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

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class NdcgAtKTest {
  private static final double EPS = 1e-12;
  private static final Map<String, Integer> GRADED = Map.of("d1", 3, "d2", 2, "d3", 1);

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  public void gradedJudgmentsUseLinearGainsAndLogDiscount() {
    // ranks 1..4: d3 (grade 1), x (unjudged: 0), d1 (3), d2 (2)
    // DCG  = 1/log2(2) + 0/log2(3) + 3/log2(4) + 2/log2(5) = 1 + 0 + 1.5 + 0.861353 = 3.361353
    // IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4)             = 3 + 1.261860 + 0.5   = 4.761860
    // nDCG = 0.705891
    double expected = (1 + 3 / log2(4) + 2 / log2(5)) / (3 + 2 / log2(3) + 1 / log2(4));
    assertEquals(0.7058908628246313, expected, EPS);
    assertEquals(expected, new NdcgAtK(10).score(List.of("d3", "x", "d1", "d2"), GRADED), EPS);
  }

  @Test
  public void cutOffLimitsBothRankingAndIdealOrdering() {
    // k = 2: DCG = 1 + 0 = 1; IDCG = 3 + 2/log2(3) = 4.261860 -> 0.234639
    assertEquals(
        1 / (3 + 2 / log2(3)), new NdcgAtK(2).score(List.of("d3", "x", "d1", "d2"), GRADED), EPS);
  }

  @Test
  public void idealOrderingScoresOne() {
    assertEquals(1.0, new NdcgAtK(10).score(List.of("d1", "d2", "d3", "x"), GRADED), EPS);
  }

  @Test
  public void idealDcgCountsJudgedDocumentsThatWereNotRetrieved() {
    // d1 and d2 relevant, only d1 retrieved: DCG = 1; IDCG = 1 + 1/log2(3) = 1.630930 -> 0.613147
    double score = new NdcgAtK(10).score(List.of("d1"), Map.of("d1", 1, "d2", 1));
    assertEquals(0.6131471927654584, score, EPS);
  }

  @Test
  public void unjudgedAndNonRelevantDocumentsGainNothing() {
    // "n" is judged non-relevant (grade 0): it neither gains nor enters the ideal ordering
    Map<String, Integer> judgments = Map.of("d1", 1, "n", 0);
    assertEquals(0.0, new NdcgAtK(10).score(List.of("x", "n", "y"), judgments), EPS);
    // d1 at rank 3 behind two documents that gain nothing: 1/log2(4) / 1 = 0.5
    assertEquals(0.5, new NdcgAtK(10).score(List.of("x", "n", "d1"), judgments), EPS);
  }

  @Test
  public void emptyRankingScoresZero() {
    assertEquals(0.0, new NdcgAtK(10).score(List.of(), GRADED), EPS);
  }

  @Test
  public void queryWithoutRelevantDocumentsIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new NdcgAtK(10).score(List.of("d1"), Map.of("d1", 0)));
    assertTrue(e.getMessage(), e.getMessage().contains("without relevant documents"));
  }

  @Test
  public void duplicateDocumentInTopKIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new NdcgAtK(10).score(List.of("d1", "d2", "d1"), GRADED));
    assertTrue(e.getMessage(), e.getMessage().contains("'d1' twice"));
  }

  @Test
  public void cutOffBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new NdcgAtK(0));
  }
}
