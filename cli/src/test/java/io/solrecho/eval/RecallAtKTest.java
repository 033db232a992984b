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

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class RecallAtKTest {
  private static final double EPS = 1e-12;
  // relevant: d1, d2, d4 (grade > 0); n is judged non-relevant
  private static final Map<String, Integer> JUDGMENTS = Map.of("d1", 1, "d2", 2, "n", 0, "d4", 1);
  private static final List<String> RANKING = List.of("n", "d1", "x", "d2", "d4");

  @Test
  public void countsRelevantDocumentsInTopK() {
    // top 4 = n, d1, x, d2 -> 2 of the 3 relevant (grades do not weight the count)
    assertEquals(2.0 / 3.0, new RecallAtK(4).score(RANKING, JUDGMENTS), EPS);
  }

  @Test
  public void allRelevantFoundWithinKIsOne() {
    assertEquals(1.0, new RecallAtK(100).score(RANKING, JUDGMENTS), EPS);
  }

  @Test
  public void nothingRelevantInTopKIsZero() {
    assertEquals(0.0, new RecallAtK(1).score(RANKING, JUDGMENTS), EPS);
  }

  @Test
  public void denominatorIsNotCappedAtK() {
    // k = 1 with d1 first: 1 of 3 relevant, not 1 of min(k, 3)
    assertEquals(1.0 / 3.0, new RecallAtK(1).score(List.of("d1"), JUDGMENTS), EPS);
  }

  @Test
  public void queryWithoutRelevantDocumentsIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RecallAtK(10).score(List.of("n"), Map.of("n", 0)));
  }
}
