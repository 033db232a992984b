package io.solrecho.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** @param embedder maps texts to one embedding each, in the same order, all of one dimension */
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
      throw new IllegalArgumentException("STS evaluation needs at least 2 pairs, got " + (pairs == null ? 0 : pairs.size()));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (StsPair pair : pairs) {
      index.putIfAbsent(pair.sentence1(), index.size());
      index.putIfAbsent(pair.sentence2(), index.size());
    }
    List<String> texts = List.copyOf(index.keySet());
    float[][] embeddings = checked(embedder.apply(texts), texts);
    double[] cosines = new double[pairs.size()];
    for (int i = 0; i < cosines.length; i++) {
      StsPair pair = pairs.get(i);
      cosines[i] = cosine(embeddings[index.get(pair.sentence1())], embeddings[index.get(pair.sentence2())]);
    }
    return cosines;
  }

  private static float[][] checked(float[][] embeddings, List<String> texts) {
    if (embeddings == null || embeddings.length != texts.size()) {
      throw new IllegalStateException("embedder returned " + (embeddings == null ? "null" : embeddings.length + " embeddings")
          + " for " + texts.size() + " texts");
    }
    int dimension = embeddings[0] == null ? 0 : embeddings[0].length;
    for (int i = 0; i < embeddings.length; i++) {
      float[] vector = embeddings[i];
      if (vector == null || vector.length == 0 || vector.length != dimension) {
        throw unusable(i, texts, "has " + (vector == null ? "no values" : vector.length + " dimensions")
            + " where embedding 0 has " + dimension);
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
    return new IllegalStateException("embedder output is unusable: embedding " + index + " " + problem
        + " (text: '" + abbreviate(texts.get(index)) + "')");
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(normA * normB);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
