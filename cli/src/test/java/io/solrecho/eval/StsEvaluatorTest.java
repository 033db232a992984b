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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.Test;

public class StsEvaluatorTest {
  private static final List<String> VOCABULARY = List.of("cat", "dog", "sat", "ran", "mat");

  /** A bag-of-words embedder: one dimension per vocabulary word, holding its count. */
  private static float[][] bagOfWords(List<String> texts) {
    float[][] vectors = new float[texts.size()][VOCABULARY.size()];
    for (int i = 0; i < texts.size(); i++) {
      for (String word : texts.get(i).split(" ")) {
        int dim = VOCABULARY.indexOf(word);
        if (dim >= 0) {
          vectors[i][dim]++;
        }
      }
    }
    return vectors;
  }

  // cosines: identical = 1; "cat sat" vs "cat ran" = 1/2; "dog ran" vs "cat sat" = 0;
  // "cat sat mat" vs "cat sat" = 2 / (sqrt(3) * sqrt(2)) = 0.816497
  private static final List<StsPair> PAIRS =
      List.of(
          new StsPair("cat sat", "cat sat", 5),
          new StsPair("cat sat", "cat ran", 4.5),
          new StsPair("dog ran", "cat sat", 1),
          new StsPair("cat sat mat", "cat sat", 4));

  @Test
  public void cosineSimilaritiesOfBagOfWords() {
    double[] cosines = new StsEvaluator(StsEvaluatorTest::bagOfWords).cosineSimilarities(PAIRS);
    assertArrayEquals(new double[] {1, 0.5, 0, 2 / Math.sqrt(6)}, cosines, 1e-12);
  }

  @Test
  public void spearmanTimesHundredOfCosineVersusGold() {
    // cosine ranks [4, 2, 1, 3], gold ranks [4, 3, 1, 2]; mean 2.5
    // dx = [1.5, -0.5, -1.5, 0.5], dy = [1.5, 0.5, -1.5, -0.5]
    // sum dx*dy = 2.25 - 0.25 + 2.25 - 0.25 = 4; sum dx^2 = sum dy^2 = 5 -> rho = 0.8 -> 80
    assertEquals(80.0, new StsEvaluator(StsEvaluatorTest::bagOfWords).spearmanX100(PAIRS), 1e-9);
  }

  @Test
  public void tiedCosinesShareRanks() {
    List<StsPair> pairs = new ArrayList<>(PAIRS);
    pairs.add(new StsPair("dog sat", "cat sat", 2)); // cosine 1/2, tied with the second pair
    // cosines [1, .5, 0, .816, .5] -> ranks [5, 2.5, 1, 4, 2.5]; gold [5, 4.5, 1, 4, 2] -> ranks
    // [5, 4, 1, 3, 2]
    // mean 3: dx = [2, -.5, -2, 1, -.5], dy = [2, 1, -2, 0, -1]
    // sum dx*dy = 4 - .5 + 4 + 0 + .5 = 8; sum dx^2 = 9.5; sum dy^2 = 10 -> rho = 8 / sqrt(95)
    assertEquals(
        100 * 8 / Math.sqrt(95),
        new StsEvaluator(StsEvaluatorTest::bagOfWords).spearmanX100(pairs),
        1e-9);
  }

  @Test
  public void embedsEachDistinctSentenceOnceInOneCall() {
    List<List<String>> calls = new ArrayList<>();
    Function<List<String>, float[][]> recording =
        texts -> {
          calls.add(texts);
          return bagOfWords(texts);
        };
    new StsEvaluator(recording).spearmanX100(PAIRS);
    assertEquals(List.of(List.of("cat sat", "cat ran", "dog ran", "cat sat mat")), calls);
  }

  @Test
  public void wrongNumberOfEmbeddingsIsReported() {
    StsEvaluator evaluator = new StsEvaluator(texts -> new float[1][3]);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> evaluator.spearmanX100(PAIRS));
    assertTrue(e.getMessage(), e.getMessage().contains("returned 1 embeddings for 4 texts"));
  }

  @Test
  public void allZeroEmbeddingIsReportedWithItsText() {
    List<StsPair> pairs =
        List.of(new StsPair("cat sat", "bird flew", 1), new StsPair("cat sat", "cat ran", 3));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new StsEvaluator(StsEvaluatorTest::bagOfWords).spearmanX100(pairs));
    assertTrue(e.getMessage(), e.getMessage().contains("embedding 1 is all zeros"));
    assertTrue(e.getMessage(), e.getMessage().contains("'bird flew'"));
  }

  @Test
  public void fewerThanTwoPairsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StsEvaluator(StsEvaluatorTest::bagOfWords).spearmanX100(PAIRS.subList(0, 1)));
  }
}
