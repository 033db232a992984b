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

public class ToyStudyTest {
  private static final Map<String, float[]> VECTORS =
      Map.of(
          "q", new float[] {1, 0},
          "near", new float[] {1, 0.1f},
          "far", new float[] {0, 1},
          "same", new float[] {1, 0.1f});

  private static float[][] lookup(List<String> texts) {
    return texts.stream().map(VECTORS::get).toArray(float[][]::new);
  }

  @Test
  public void tripletIsRightWhenThePositiveIsStrictlyCloser() {
    List<ToyTriplet> triplets =
        List.of(
            new ToyTriplet("1", ToyTriplet.Kind.S1, "q", "near", "far"),
            new ToyTriplet("2", ToyTriplet.Kind.S1, "q", "far", "near"),
            new ToyTriplet("3", ToyTriplet.Kind.S2, "q", "near", "same"),
            new ToyTriplet("4", ToyTriplet.Kind.S2, "q", "near", "far"));
    ToyStudy.Score score = new ToyStudy(ToyStudyTest::lookup).score(triplets);
    assertEquals(new ToyStudy.Score(1, 2, 1, 2), score);
    assertEquals(50.0, score.s1Percent(), 0);
    assertEquals(50.0, score.overallPercent(), 0);
  }

  @Test
  public void eachDistinctTextIsEmbeddedOnce() {
    int[] calls = {0};
    new ToyStudy(
            texts -> {
              calls[0]++;
              assertEquals(List.of("q", "near", "far"), texts);
              return lookup(texts);
            })
        .score(
            List.of(
                new ToyTriplet("1", ToyTriplet.Kind.S1, "q", "near", "far"),
                new ToyTriplet("2", ToyTriplet.Kind.S2, "q", "far", "near")));
    assertEquals(1, calls[0]);
  }

  @Test
  public void aKindWithoutTripletsHasNoPercentage() {
    ToyStudy.Score score =
        new ToyStudy(ToyStudyTest::lookup)
            .score(List.of(new ToyTriplet("1", ToyTriplet.Kind.S2, "q", "near", "far")));
    assertEquals(Double.NaN, score.s1Percent(), 0);
    assertEquals(100.0, score.s2Percent(), 0);
  }

  @Test
  public void wrongNumberOfEmbeddingsIsAnError() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new ToyStudy(texts -> new float[1][2])
                    .score(List.of(new ToyTriplet("1", ToyTriplet.Kind.S1, "q", "near", "far"))));
    assertEquals("embedder returned 1 embeddings for 3 texts", e.getMessage());
  }
}
