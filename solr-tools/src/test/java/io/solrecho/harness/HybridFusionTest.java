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
package io.solrecho.harness;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The hybrid system: RRF of the lexical and echo rankings, cut to the evaluation depth. */
public class HybridFusionTest {
  @Test
  public void aDocumentBothSystemsRankHighComesFirst() {
    Map<String, List<String>> fused =
        SciFactRetrieval.fuse(
            Map.of("q", List.of("a", "b", "c")), Map.of("q", List.of("b", "d", "e")));
    assertEquals(List.of("b", "a", "d", "c", "e"), fused.get("q"));
  }

  @Test
  public void theFusedRankingKeepsTheFirstHundred() {
    List<String> lexical = new ArrayList<>();
    List<String> vector = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lexical.add("l" + i);
      vector.add("v" + i);
    }
    List<String> fused = SciFactRetrieval.fuse(Map.of("q", lexical), Map.of("q", vector)).get("q");
    assertEquals(SciFactRetrieval.DEPTH, fused.size());
    assertEquals(List.of("l0", "v0", "l1", "v1"), fused.subList(0, 4));
  }
}
