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
import java.util.function.Function;

/**
 * Scores an embedder on semantic textual similarity as SentEval and MTEB do: the cosine similarity
 * of the two sentences' embeddings, compared with the gold scores by Spearman's rank correlation,
 * reported x100.
 *
 * <p>Each distinct sentence is embedded once: the embedder receives them all in one call, in order
 * of first appearance, and is responsible for its own batching.
 */
public final class StsEvaluator {
  private final Function<List<String>, float[][]> embedder;

  /**
   * @param embedder maps texts to one embedding each, in the same order, all of one dimension
   */
  public StsEvaluator(Function<List<String>, float[][]> embedder) {
    if (embedder == null) {
      throw new IllegalArgumentException("embedder must not be null");
    }
    this.embedder = embedder;
  }

  /**
   * Spearman's correlation x100 between the pairs' cosine similarities and their gold scores.
   *
   * @throws IllegalArgumentException if there are fewer than 2 pairs, or the gold scores (or the
   *     similarities) are all equal
   */
  public double spearmanX100(List<StsPair> pairs) {
    double[] cosines = cosineSimilarities(pairs);
    double[] gold = new double[pairs.size()];
    for (int i = 0; i < gold.length; i++) {
      gold[i] = pairs.get(i).gold();
    }
    return 100 * SpearmanCorrelation.of(cosines, gold);
  }

  /**
   * The cosine similarity of each pair's embeddings, in pair order.
   *
   * @throws IllegalStateException if the embedder returns the wrong number of embeddings, mixed
   *     dimensions, non-finite values or an all-zero embedding
   */
  public double[] cosineSimilarities(List<StsPair> pairs) {
    if (pairs == null || pairs.size() < 2) {
      throw new IllegalArgumentException(
          "STS evaluation needs at least 2 pairs, got " + (pairs == null ? 0 : pairs.size()));
    }
    DistinctTexts sentences = new DistinctTexts();
    for (StsPair pair : pairs) {
      sentences.add(pair.sentence1());
      sentences.add(pair.sentence2());
    }
    float[][] embeddings = checked(sentences.embed(embedder), sentences.texts());
    double[] cosines = new double[pairs.size()];
    for (int i = 0; i < cosines.length; i++) {
      StsPair pair = pairs.get(i);
      cosines[i] =
          CosineSimilarity.of(
              embeddings[sentences.position(pair.sentence1())],
              embeddings[sentences.position(pair.sentence2())]);
    }
    return cosines;
  }

  /** Checks the embeddings that {@link DistinctTexts#embed} returned for {@code texts}. */
  private static float[][] checked(float[][] embeddings, List<String> texts) {
    int dimension = embeddings[0] == null ? 0 : embeddings[0].length;
    for (int i = 0; i < embeddings.length; i++) {
      float[] vector = embeddings[i];
      if (vector == null || vector.length == 0 || vector.length != dimension) {
        throw unusable(
            i,
            texts,
            "has "
                + (vector == null ? "no values" : vector.length + " dimensions")
                + " where embedding 0 has "
                + dimension);
      }
      double norm = 0;
      for (float value : vector) {
        if (!Float.isFinite(value)) {
          throw unusable(i, texts, "has a non-finite value " + value);
        }
        norm += (double) value * value;
      }
      if (norm == 0) {
        throw unusable(i, texts, "is all zeros, so its cosine similarity is undefined");
      }
    }
    return embeddings;
  }

  private static IllegalStateException unusable(int index, List<String> texts, String problem) {
    return new IllegalStateException(
        "embedder output is unusable: embedding "
            + index
            + " "
            + problem
            + " (text: '"
            + abbreviate(texts.get(index))
            + "')");
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
