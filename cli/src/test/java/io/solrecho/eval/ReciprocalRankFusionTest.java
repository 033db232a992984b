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

public class ReciprocalRankFusionTest {
  @Test
  public void ordersBySumOfReciprocalRanks() {
    // k = 60: a = 1/61 = 0.016393; b = 1/62 + 1/61 = 0.032522; c = 1/63 + 1/62 = 0.032002; d = 1/63
    // = 0.015873
    List<List<String>> rankings = List.of(List.of("a", "b", "c"), List.of("b", "c", "d"));
    assertEquals(List.of("b", "c", "a", "d"), new ReciprocalRankFusion().fuse(rankings));
    Map<String, Double> scores = new ReciprocalRankFusion().scores(rankings);
    assertEquals(1.0 / 62 + 1.0 / 61, scores.get("b"), 1e-15);
    assertEquals(1.0 / 63, scores.get("d"), 1e-15);
  }

  @Test
  public void defaultRankConstantIsSixty() {
    assertEquals(60, new ReciprocalRankFusion().k());
    assertEquals(1.0 / 61, new ReciprocalRankFusion().scores(List.of(List.of("a"))).get("a"), 0);
  }

  @Test
  public void equalScoresAreOrderedByDocumentId() {
    // z and a both score 1/61 + 1/62
    assertEquals(
        List.of("a", "z"),
        new ReciprocalRankFusion().fuse(List.of(List.of("z", "a"), List.of("a", "z"))));
  }

  @Test
  public void equalRankSetsTieExactlyWhateverTheListOrder() {
    // x has ranks (1, 2, 7) and y (7, 1, 2) in the three lists: equal sums in exact arithmetic, but
    // adding 1/61 + 1/62 + 1/67 and 1/67 + 1/61 + 1/62 in list order differs in the last bit
    // (0.0474478480153437 vs 0.04744784801534369); summing smallest rank first makes them identical
    List<List<String>> rankings =
        List.of(
            List.of("x", "a1", "a2", "a3", "a4", "a5", "y"),
            List.of("y", "x"),
            List.of("b1", "y", "b3", "b4", "b5", "b6", "x"));
    Map<String, Double> scores = new ReciprocalRankFusion().scores(rankings);
    assertEquals(scores.get("x"), scores.get("y"));
    assertEquals(List.of("x", "y"), new ReciprocalRankFusion().fuse(rankings).subList(0, 2));
  }

  @Test
  public void smallerConstantFavoursTopRanks() {
    // k = 0: a = 1/1, b = 1/2 + 1/2, c = 1/1: all exactly 1, so id order
    // k = 60: a = c = 1/61, b = 2/62 = 1/31: b first, then a and c by id
    List<List<String>> rankings = List.of(List.of("a", "b"), List.of("c", "b"));
    assertEquals(List.of("a", "b", "c"), new ReciprocalRankFusion(0).fuse(rankings));
    assertEquals(List.of("b", "a", "c"), new ReciprocalRankFusion(60).fuse(rankings));
  }

  @Test
  public void duplicateWithinOneRankingIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ReciprocalRankFusion().fuse(List.of(List.of("a"), List.of("b", "c", "b"))));
    assertTrue(
        e.getMessage(),
        e.getMessage().contains("ranking 1 lists document 'b' twice (ranks 1 and 3)"));
  }

  @Test
  public void negativeConstantIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ReciprocalRankFusion(-1));
  }
}
